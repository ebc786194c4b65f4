package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Chinese phrase as a bilingual customer types it, an English word in place of its Chinese one: 投诉过 is also
 * "complain过", 每个部门 "每个department", 经理说是 "manager说是", 燃气的味道 "gas的味道"; and a word's pinyin initials as
 * typed online (投诉过 "ts过", 退款 "tk"). Only words that name the same thing in both languages, each replaced on its
 * own; a word alone is not (ts alone would find every "TS"). Each phrase is compiled with its variants, so nothing
 * costs more per complaint.
 */
final class MixedLanguage {

    private MixedLanguage() {}

    private static final Map<String, List<String>> WORDS = Map.ofEntries(
            // And the pinyin initials typed online: ts 投诉, tk 退款, kf 客服, xhs 小红书, dy 抖音, zfb 支付宝.
            Map.entry("投诉", List.of("complain", "complaint", "ts")),
            Map.entry("客服", List.of("kf")),
            Map.entry("小红书", List.of("xhs")),
            Map.entry("抖音", List.of("dy")),
            Map.entry("支付宝", List.of("zfb")),
            Map.entry("微信", List.of("wx")),
            Map.entry("朋友圈", List.of("pyq")),
            Map.entry("经理", List.of("manager")),
            Map.entry("主管", List.of("supervisor")),
            Map.entry("部门", List.of("department")),
            Map.entry("邮件", List.of("email")),
            Map.entry("退款", List.of("refund", "tk")),
            Map.entry("工单", List.of("ticket")),
            Map.entry("律师", List.of("lawyer")),
            Map.entry("燃气", List.of("gas")),
            Map.entry("煤气", List.of("gas")),
            Map.entry("订单", List.of("order")),
            Map.entry("账户", List.of("account")),
            Map.entry("记者", List.of("reporter", "journalist")));

    /** The phrase and its variants with an English word in it; the phrase itself first. */
    static List<String> variants(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        for (Map.Entry<String, List<String>> word : WORDS.entrySet()) {
            if (phrase.contains(word.getKey()) && !phrase.equals(word.getKey())) {
                for (String english : word.getValue()) out.add(phrase.replace(word.getKey(), english));
            }
        }
        return new ArrayList<>(out);
    }
}
