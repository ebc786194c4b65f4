package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Two parties, each pointing at the other (互相推诿), in what the customer reports them saying:
 * "理赔部说免赔额是核保部设错的，核保部说这是理赔部的事", "修理厂说查勘员只核了一半，查勘员说修理厂报价虚高",
 * "经纪人说你们没收到，你们说经纪人根本没发". Who speaks is the words just before 说 (or a letter's 称); what each says
 * runs to the next speaker. It holds when the first names the second in what it says and the second points back —
 * names the first, or points at it as 他们 or 对方 ("催收公司说记录在你们那，你们说在他们那") — or points on, putting
 * the matter on someone else ("长租公司说是街道要求施工，街道说该房东负责"): the sign of a complaint passed between
 * parties, which a list of parties' names never finishes naming (a new trade brings new ones). Two who merely both
 * speak ("店员说明天到货，客服中心说也是明天"), one who sends the customer to another ("客服说找门店") or a second who
 * answers for itself ("门店说他们会处理") do not count.
 *
 * <p>Chinese only: English writes the same with "says … says", which a phrase finds.
 */
public final class PointingParties {

    private PointingParties() {}

    /** The most characters from one speaker's 说 to the other's: a sentence or two of one report. */
    static final int MAX_APART = 120;

    /** The most characters taken as a speaker's name before 说. */
    private static final int NAME_AT_MOST = 6;

    /** Where a speaker's name stops, going back from 说: particles, the customer, words that join or report. */
    private static final String STOPS = "的了着被把是在有和跟给让与及或就又还但却而我他她它您也都再才说称问对向找叫";

    /** An adverb between a speaker and 说 ("客服也说", "门店又说"), passed over. */
    private static final String BETWEEN = "也都又还就却则倒";

    /** 说 starting another word: 说明 (explain), 说服, 说话, 说法, 说不定, 说实话. */
    private static final Set<String> NOT_SAYING = Set.of("说明", "说服", "说话", "说法", "说不", "说实", "说完", "说清");

    /** 称 as a name or a weight, not a party's word: 名称, 简称, 号称, 声称 (the customer's own), 称为, 称重. */
    private static final String NOT_SAYS_BEFORE = "名简号声自俗统职对昵尊堪宣";

    private static final String NOT_SAYS_AFTER = "为号重心赞呼职谓";

    /** Who is not a party: the customer's side, people at large, words that only report hearing. */
    private static final Set<String> NOT_A_PARTY =
            Set.of("我们", "他们", "她们", "咱们", "大家", "别人", "有人", "人家", "听说", "据说", "比如", "就是", "虽然", "总之", "如果", "要是");

    /** One speaker: where its name starts, where its 说 is, and its name. */
    private record Speaker(int start, int says, String name) {}

    /**
     * The first two parties of the text each pointing at the other, as written from the first's name to the second's
     * 说 ("理赔部说…核保部说"), or null.
     */
    public static String find(ScannedText text) {
        if (!text.hasHan()) return null;
        String s = text.simplified();
        List<Speaker> speakers = speakers(s);
        for (int a = 0; a < speakers.size(); a++) {
            Speaker first = speakers.get(a);
            for (int b = a + 1; b < speakers.size(); b++) {
                Speaker second = speakers.get(b);
                if (second.says() - first.says() > MAX_APART) break;
                if (first.name().equals(second.name())) continue;
                String firstSays = s.substring(first.says() + 1, second.start());
                int end = b + 1 < speakers.size() ? speakers.get(b + 1).start() : s.length();
                String secondSays = s.substring(second.says() + 1, Math.min(end, second.says() + 1 + MAX_APART));
                if (names(firstSays, second.name())
                        && (names(secondSays, first.name()) || pointsBack(secondSays) || pointsOn(secondSays))) {
                    return text.written(first.start(), first.says() + 1)
                            + "…"
                            + text.written(second.start(), second.says() + 1);
                }
            }
        }
        return null;
    }

    /** Every 说 or 称 with a party's name before it. */
    private static List<Speaker> speakers(String s) {
        List<Speaker> speakers = new ArrayList<>();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '说' && c != '称') continue;
            if (c == '说' && i + 1 < s.length() && NOT_SAYING.contains(s.substring(i, i + 2))) continue;
            if (c == '称'
                    && (NOT_SAYS_BEFORE.indexOf(s.charAt(i - 1)) >= 0
                            || i + 1 < s.length() && NOT_SAYS_AFTER.indexOf(s.charAt(i + 1)) >= 0)) {
                continue;
            }
            int end = i;
            if (BETWEEN.indexOf(s.charAt(end - 1)) >= 0) end--;
            int start = ScannedText.hanRunStart(s, end, NAME_AT_MOST, STOPS);
            if (end - start < 2) continue;
            String name = s.substring(start, end);
            if (NOT_A_PARTY.contains(name)) continue;
            speakers.add(new Speaker(start, i, name));
        }
        return speakers;
    }

    /**
     * The other party as a pronoun, where the matter lies or whose it is ("在他们那", "是对方的事"); or what the first
     * said denied as never received ("原来的律所说卷宗已经转给你们了，你们说根本没收到"), or the fault put before the
     * second had it ("建材店说台面是安装时弄裂的，安装师傅说送来就是裂的").
     */
    private static final Pattern POINTS_BACK = Pattern.compile("(?:在|是|归|找|问)(?:他们|对方)|对方的|他们那"
            + "|(?:根本|从来|从)?没(?:有)?(?:收到|见到|拿到)"
            + "|(?:送来|送到|到货|拿来|发来|运来|来的时候)(?:时)?就");

    /**
     * The matter put on someone named, not the speaker: "该房东负责", "归物业管", "由开发商处理", "是厂家的责任"; not
     * 我们 or 自己 ("该我们负责"), nor a kind of fault ("是质量的问题" names no one).
     */
    private static final Pattern POINTS_ON = Pattern.compile(
            "(?:该|归|由)(?!我们|自己|本)\\p{IsHan}{1,6}?(?:负责|来管|管|处理|来赔|赔)|是(?!我们|自己|本)\\p{IsHan}{1,6}?的(?:事|责任)");

    private static boolean pointsBack(String said) {
        return POINTS_BACK.matcher(said).find();
    }

    private static boolean pointsOn(String said) {
        return POINTS_ON.matcher(said).find();
    }

    /**
     * Whether {@code said} names the party {@code name}: its last two or more characters, so that "经纪人" is named by
     * "经纪人" and "结果理赔部" (a name taken with the word before it) by "理赔部"; or, for a name of three or more, its
     * first two, the trade before the kind of person or firm ("水电师傅" by "水电开槽", "翻译公司" by "翻译件").
     */
    private static boolean names(String said, String name) {
        for (int from = name.length() - 2; from >= 0; from--) {
            if (said.contains(name.substring(from))) return true;
        }
        return name.length() >= 3 && said.contains(name.substring(0, 2));
    }
}
