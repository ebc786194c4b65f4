package io.firebreak.feedback.followup;

import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.feedback.followup.ComplaintFollowUps.Servqual;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The customer's survey (满意度回访) behind a signed, single-use, expiring link, reachable without login: GET shows
 * a small bilingual form (or, for {@code Accept: application/json}, the survey's state), POST takes the form or
 * JSON. A forged link is 404, an expired or already answered one 410: a clear page or problem+json.
 */
@RestController
class SurveyController {

    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private static final String[] DIMENSIONS = {"tangibles", "reliability", "responsiveness", "assurance", "empathy"};
    private static final String[] DIMENSIONS_ZH = {"有形性", "可靠性", "响应性", "保证性", "移情性"};

    private final AggregateStore<ComplaintFollowUps> store;
    private final FollowUpDecisions decisions;
    private final Clock clock;

    SurveyController(AggregateStore<ComplaintFollowUps> store, FollowUpDecisions decisions, Clock clock) {
        this.store = store;
        this.decisions = decisions;
        this.clock = clock;
    }

    /** The customer's answer as JSON: resolved or not, CSAT 1–5, optional SERVQUAL ratings and comment. */
    record SurveyAnswer(
            @NotNull Boolean resolved,
            @NotNull @Min(1) @Max(5) Integer score,
            @Valid FollowUpController.ServqualRatings servqual,
            @Size(max = 2000) String comment) {}

    /** The survey's state for a client that asks for JSON. */
    record SurveyView(String status, Instant resolvedAt, String summary, Instant expiresAt) {}

    /** What the answer did. */
    record SurveyAnsweredView(String status, Outcome outcome) {}

    @GetMapping("/survey/{token}")
    ResponseEntity<?> show(
            @PathVariable String token, @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean json = wantsJson(accept);
        Lookup lookup = lookup(token);
        if (lookup.failure != null) return failure(lookup.failure, json, token);
        FollowUp followUp = lookup.followUp;
        if (json) {
            return ResponseEntity.ok(
                    new SurveyView("OPEN", followUp.resolvedAt(), followUp.summary(), lookup.claims.expiresAt()));
        }
        return html(HttpStatus.OK, form(token, followUp, null));
    }

    @PostMapping(path = "/survey/{token}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> answerJson(@PathVariable String token, @RequestBody @Valid SurveyAnswer answer) {
        Servqual servqual = answer.servqual() == null ? null : answer.servqual().toServqual();
        return answer(token, answer.resolved(), answer.score(), answer.comment(), servqual, true);
    }

    @PostMapping(path = "/survey/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> answerForm(@PathVariable String token, @RequestBody MultiValueMap<String, String> form) {
        Lookup lookup = lookup(token);
        if (lookup.failure != null) return failure(lookup.failure, false, token);
        String resolved = form.getFirst("resolved");
        Integer score = rating(form.getFirst("score"));
        String comment = form.getFirst("comment");
        if (resolved == null || score == null || (comment != null && comment.length() > 2000)) {
            return html(
                    HttpStatus.BAD_REQUEST,
                    form(
                            token,
                            lookup.followUp,
                            "Please say whether it was resolved and give a score from 1 to 5. / 请选择是否已解决，并给出 1–5 分。"));
        }
        Servqual servqual = new Servqual(
                rating(form.getFirst(DIMENSIONS[0])),
                rating(form.getFirst(DIMENSIONS[1])),
                rating(form.getFirst(DIMENSIONS[2])),
                rating(form.getFirst(DIMENSIONS[3])),
                rating(form.getFirst(DIMENSIONS[4])));
        return answer(
                token,
                "yes".equalsIgnoreCase(resolved) || "true".equalsIgnoreCase(resolved),
                score,
                comment == null || comment.isBlank() ? null : comment,
                servqual,
                false);
    }

    private ResponseEntity<?> answer(
            String token, boolean resolved, int score, String comment, Servqual servqual, boolean json) {
        Lookup lookup = lookup(token);
        if (lookup.failure != null) return failure(lookup.failure, json, token);
        SurveyTokens.Claims claims = lookup.claims;
        Optional<ComplaintFollowUps> after;
        try {
            // The store's compare-and-set is what makes the link single-use: of two answers at once, one wins and
            // the other finds no follow-up pending for this resolution.
            after = store.update(
                            claims.complaintId(),
                            stored -> decisions.answer(
                                    stored.value(),
                                    claims.resolutionId(),
                                    resolved,
                                    score,
                                    comment,
                                    servqual,
                                    FollowUpDecisions.SURVEY,
                                    "SURVEY",
                                    clock.instant()))
                    .map(v -> v.value());
        } catch (NoPendingFollowUpException e) {
            return failure(Failure.USED, json, token);
        }
        if (after.isEmpty()) return failure(Failure.INVALID, json, token);
        Outcome outcome = FollowUpDecisions.outcomeOf(after.get());
        if (json) return ResponseEntity.status(HttpStatus.CREATED).body(new SurveyAnsweredView("ANSWERED", outcome));
        return html(
                HttpStatus.CREATED,
                page(
                        "Thank you / 感谢您的反馈",
                        outcome == Outcome.REOPENED
                                ? "<p>We are sorry it is not right yet. Your case has been reopened and a senior colleague will "
                                        + "contact you.</p><p>很抱歉问题仍未让您满意，您的投诉已重新处理，主管会尽快与您联系。</p>"
                                : "<p>Thank you for your answer.</p><p>感谢您的评价。</p>"));
    }

    private enum Failure {
        INVALID,
        EXPIRED,
        USED
    }

    /** The follow-up a token names if it may still be answered, or why not. */
    private static final class Lookup {
        SurveyTokens.Claims claims;
        FollowUp followUp;
        Failure failure;
    }

    private Lookup lookup(String token) {
        Lookup lookup = new Lookup();
        Optional<SurveyTokens.Claims> claims = decisions.tokens().verify(token);
        if (claims.isEmpty()) {
            lookup.failure = Failure.INVALID;
            return lookup;
        }
        lookup.claims = claims.get();
        Optional<ComplaintFollowUps> stored =
                store.find(lookup.claims.complaintId()).map(v -> v.value());
        FollowUp followUp =
                stored.map(s -> s.followUpOf(lookup.claims.resolutionId())).orElse(null);
        if (followUp == null) {
            lookup.failure = Failure.INVALID;
        } else if (followUp.result() != null
                || stored.get().pending() == null
                || !stored.get().pending().resolutionId().equals(followUp.resolutionId())) {
            lookup.failure = Failure.USED;
        } else if (!clock.instant().isBefore(lookup.claims.expiresAt())) {
            lookup.failure = Failure.EXPIRED;
        }
        lookup.followUp = followUp;
        return lookup;
    }

    private static ResponseEntity<?> failure(Failure failure, boolean json, String token) {
        HttpStatus status = failure == Failure.INVALID ? HttpStatus.NOT_FOUND : HttpStatus.GONE;
        String title;
        String detail;
        String zh;
        switch (failure) {
            case EXPIRED -> {
                title = "Survey link expired";
                detail = "This survey link has expired; thank you all the same.";
                zh = "此回访链接已过期，仍然感谢您。";
            }
            case USED -> {
                title = "Survey already answered";
                detail = "This survey has already been answered; each link works once.";
                zh = "此回访已完成，每个链接只能使用一次。";
            }
            default -> {
                title = "Survey link not valid";
                detail = "This survey link is not valid; please use the link exactly as you received it.";
                zh = "此回访链接无效，请使用您收到的完整链接。";
            }
        }
        if (json) {
            ProblemDetail problem = Problems.of(status, title, detail);
            // Encoded: the token is whatever the path held (a space in it made this a 500 with a stack trace).
            problem.setInstance(UriComponentsBuilder.fromPath("/survey/")
                    .pathSegment(token.length() > 200 ? "…" : token)
                    .encode()
                    .build()
                    .toUri());
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return html(
                status,
                page(
                        title + " / " + zh.substring(0, zh.indexOf('，')),
                        "<p>" + HtmlUtils.htmlEscape(detail) + "</p><p>" + zh + "</p>"));
    }

    private static boolean wantsJson(String accept) {
        return accept != null
                && (accept.contains("application/json") || accept.contains("application/problem+json"))
                && !accept.contains("text/html");
    }

    private static Integer rating(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            int n = Integer.parseInt(value.strip());
            return n >= 1 && n <= 5 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ResponseEntity<String> html(HttpStatus status, String body) {
        return ResponseEntity.status(status)
                .contentType(HTML)
                .header("Cache-Control", "no-store")
                .body(body);
    }

    private static String form(String token, FollowUp followUp, String error) {
        StringBuilder b = new StringBuilder();
        if (error != null)
            b.append("<p class=\"error\">").append(HtmlUtils.htmlEscape(error)).append("</p>");
        b.append("<p>About your complaint, resolved on ")
                .append(followUp.resolvedAt().toString(), 0, 10)
                .append(" / 关于您的投诉处理：")
                .append(HtmlUtils.htmlEscape(String.valueOf(followUp.summary())))
                .append("</p>");
        b.append("<form method=\"post\" action=\"/survey/")
                .append(HtmlUtils.htmlEscape(token))
                .append("\">");
        b.append("<fieldset><legend>Was it resolved? / 问题是否已解决？</legend>")
                .append("<label><input type=\"radio\" name=\"resolved\" value=\"yes\" required> Yes / 是</label> ")
                .append("<label><input type=\"radio\" name=\"resolved\" value=\"no\"> No / 否</label></fieldset>");
        b.append("<fieldset><legend>How satisfied are you? (1–5) / 您的满意度（1–5 分）</legend>");
        for (int i = 1; i <= 5; i++) {
            b.append("<label><input type=\"radio\" name=\"score\" value=\"")
                    .append(i)
                    .append("\"")
                    .append(i == 1 ? " required" : "")
                    .append("> ")
                    .append(i)
                    .append("</label> ");
        }
        b.append("</fieldset><fieldset><legend>Optional / 可选</legend>");
        for (int d = 0; d < DIMENSIONS.length; d++) {
            b.append("<label>")
                    .append(DIMENSIONS[d])
                    .append(" / ")
                    .append(DIMENSIONS_ZH[d])
                    .append(" <select name=\"")
                    .append(DIMENSIONS[d])
                    .append("\"><option value=\"\">–</option>");
            for (int i = 1; i <= 5; i++) b.append("<option>").append(i).append("</option>");
            b.append("</select></label><br>");
        }
        b.append("<label>Comment / 意见<br><textarea name=\"comment\" maxlength=\"2000\"></textarea></label>")
                .append("</fieldset><button type=\"submit\">Send / 提交</button></form>");
        return page("Your feedback / 满意度回访", b.toString());
    }

    private static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                + HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + HtmlUtils.htmlEscape(title) + "</h1>"
                + body + "</body></html>";
    }
}
