package io.firebreak.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * problem+json in the client's language: Chinese when its {@code Accept-Language} prefers it to English, English
 * otherwise. The title is translated; the detail too where it is one of the API's common sentences (a missing
 * resource, invalid fields), else a Chinese sentence for its status, with the English detail kept as
 * {@code detailEn}. Field reasons in {@code errors} stay as they are (they name fields and values).
 */
final class ProblemTexts {

    private static final List<String> LANGUAGES = List.of("en", "zh");
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("Invalid request", "请求无效"),
            Map.entry("Malformed request body", "请求体格式错误"),
            Map.entry("Not found", "未找到"),
            Map.entry("Conflict with the current state", "与当前状态冲突"),
            Map.entry("Forbidden", "无权操作"),
            Map.entry("Unauthorized", "未通过身份验证"),
            Map.entry("Too many requests", "请求过于频繁"),
            Map.entry("Request body too large", "请求体过大"),
            Map.entry("Idempotency-Key reused", "幂等键已用于其他请求"),
            Map.entry("Internal error", "服务器内部错误"),
            Map.entry("No follow-up pending", "没有待回访的记录"),
            Map.entry("Service unavailable", "服务暂不可用"),
            Map.entry("Service timed out", "服务响应超时"),
            Map.entry("Changed meanwhile", "已被他人更改"));
    private static final Map<String, String> NOUNS = Map.ofEntries(
            Map.entry("complaint", "投诉"),
            Map.entry("case", "案件"),
            Map.entry("customer", "客户"),
            Map.entry("alert", "告警"),
            Map.entry("delivery", "投递记录"),
            Map.entry("prevention action", "预防措施"),
            Map.entry("report", "报表"),
            Map.entry("webhook subscription", "Webhook 订阅"),
            Map.entry("task", "任务"),
            Map.entry("promise", "承诺"),
            Map.entry("follow-up", "回访"));
    private static final Pattern NOT_FOUND_TITLE = Pattern.compile("(.+) not found");
    private static final Pattern NO_SUCH = Pattern.compile("No (.+) with id (.+)");
    private static final Pattern HAS_NO = Pattern.compile("Case (\\S+) has no (task|promise) (\\S+)");

    private ProblemTexts() {}

    /** The problem in the language the current request asks for (nothing changes outside a request, or for en). */
    static void localize(ProblemDetail problem) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && wantsChinese(attributes.getRequest().getHeader(HttpHeaders.ACCEPT_LANGUAGE))) {
            toChinese(problem);
        }
    }

    /** Whether an {@code Accept-Language} prefers Chinese to English. */
    static boolean wantsChinese(String header) {
        if (header == null || header.isBlank()) return false;
        try {
            return "zh".equals(Locale.lookupTag(Locale.LanguageRange.parse(header), LANGUAGES));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void toChinese(ProblemDetail problem) {
        String title = problem.getTitle();
        if (title != null) {
            Matcher missing = NOT_FOUND_TITLE.matcher(title);
            problem.setTitle(
                    TITLES.containsKey(title)
                            ? TITLES.get(title)
                            : missing.matches() ? "未找到" + noun(missing.group(1)) : title);
        }
        if (problem.getProperties() != null && problem.getProperties().containsKey("detailEn")) return;
        String detail = problem.getDetail();
        if (detail == null) return;
        String zh = detail(detail, problem);
        if (zh == null) {
            zh = byStatus(problem.getStatus());
            problem.setProperty("detailEn", detail);
        }
        problem.setDetail(zh);
    }

    /** The Chinese of one of the common details, or null. */
    private static String detail(String detail, ProblemDetail problem) {
        Matcher noSuch = NO_SUCH.matcher(detail);
        if (noSuch.matches()) return "不存在编号为 " + noSuch.group(2) + " 的" + noun(noSuch.group(1)) + "。";
        Matcher hasNo = HAS_NO.matcher(detail);
        if (hasNo.matches()) {
            return "案件 " + hasNo.group(1) + " 没有编号为 " + hasNo.group(3) + " 的" + noun(hasNo.group(2)) + "。";
        }
        if (problem.getProperties() != null
                && problem.getProperties().get("errors") instanceof List<?> errors
                && !errors.isEmpty()) {
            List<String> fields = new ArrayList<>();
            for (Object error : errors) {
                if (error instanceof Map<?, ?> e && e.get("field") != null) fields.add(String.valueOf(e.get("field")));
            }
            if (!fields.isEmpty()) return "请求有误：" + String.join("、", fields) + " 不符合要求（原因见 errors）。";
        }
        return null;
    }

    private static String noun(String english) {
        return NOUNS.getOrDefault(english.toLowerCase(Locale.ROOT), english);
    }

    private static String byStatus(int status) {
        return switch (status) {
            case 400 -> "请求有误，请检查后重试。";
            case 401 -> "需要有效的访问令牌。";
            case 403 -> "您无权执行此操作。";
            case 404 -> "未找到所请求的资源。";
            case 409 -> "该操作与当前状态冲突。";
            case 412 -> "您查看之后，内容已被更改：请刷新后再按现状处理。";
            case 413 -> "请求体超过大小限制。";
            case 422 -> "该请求无法处理。";
            case 429 -> "请求过于频繁，请稍后重试。";
            default -> status >= 500 ? "服务暂时不可用，请稍后重试。" : "请求未能完成。";
        };
    }
}
