package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Many people or homes counted, and hit, in one sentence: "我们公司三十多个同事…下午陆续都去了医务室", "两百多个家长交的课时费都没了",
 * "about 200 homes in her area have had no heating", "Hundreds of drivers have been fined" — a count of ten or more
 * people, homes or businesses, and in the same sentence what happened to them (都被, 都没了, 没有暖气, 瘫痪, "have had
 * no", "were ill", "fined"). A list of phrases names the common ways ("all the residents", 整栋楼); the counts are
 * endless. A count alone is not enough: "我们公司五百人都用你们的套餐，想…按部门出账单", "Hundreds of happy customers",
 * "门口排了两百多人…都没买到" count people nothing happened to.
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints, each as the rules read it before its
 * words were added): 30 MAJOR complaints read below MAJOR are found, and none of another class
 * (bench/results/2026-12-07/many-affected/; with sets 100 and 101, session-47/readers/).
 */
public final class ManyAffected {

    private ManyAffected() {}

    /** Ten or more: 12, 三十, 几十, 上百, 两百, 几千; "多" after it, at least. */
    private static final String MANY_ZH = "(?:\\d{2,}|[二三四五六七八九]十|几十|上百|几百|[一二两三四五六七八九]百|上千|几千|[一二两三四五六七八九]千)多?";

    /** People, homes or businesses counted: "三十多个同事", "两百户", "37家", "三千多个支持者". */
    private static final Pattern COUNTED_ZH = Pattern.compile(MANY_ZH
            + "(?:(?:多)?(?:个|位|名|户|家))?(?:人|同事|家长|孩子|学生|业主|住户|用户|客户|居民|租户|顾客|商户|企业|员工|老人|患者|病人"
            + "|游客|乘客|会员|车主|家庭|小朋友|同学|学员|邻居|村民|职工|\\p{IsHan}{1,2}者)"
            + "|" + MANY_ZH + "(?:户|家)");

    /** What happened to them: all taken, all without, ill, cut off, fined, cheated. */
    private static final Pattern HIT_ZH = Pattern.compile("(?:都|全都|全部|全)没(?:了|有(?:暖气|热水|水|电|网|信号|电力)|清|收到|到账|发出|法)"
            + "|(?:都|全都|全部|全|陆续|一起|同样)(?:被|不能|无法|停|断|坏|漏|病|吐|拉|去了医|进了医|住院|多收|多扣|骗|趴窝|瘫痪|出现"
            + "|收到了同|中毒|过敏|受伤|烫|起火|冒烟)"
            + "|没有(?:暖气|热水|水|电|网|信号)|瘫痪|被骗|被多收|被多扣|中毒|住院|医务室");

    private static final Pattern COUNTED_EN =
            Pattern.compile("\\b(?:\\d{2,}|dozens of|hundreds of|thousands of|twenty|thirty"
                    + "|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) thousand"
                    + "|(?:four|five|six|seven|eight|nine) hundred"
                    + "|forty|fifty|sixty|seventy|eighty|ninety|a hundred|over a hundred|two hundred|three hundred|several hundred)"
                    // "forty of us", "150 of us": the many are the customer's own.
                    + "(?: of us\\b|(?: [a-z\\-]+)?(?: [a-z\\-]+)? (?:people|customers|residents|households|homes|houses|flats|apartments"
                    + "|families|parents|children|kids|pupils|students|tenants|neighbours|neighbors|users|members|passengers|guests"
                    + "|employees|colleagues|staff|patients|players|drivers|owners|subscribers|businesses|shops|policyholders"
                    + "|homeowners|villagers|backers|investors|supporters|buyers|savers|borrowers|commuters|riders|travellers"
                    + "|travelers|visitors|shoppers|fans)\\b)"
                    // A share of a whole the customer belongs to: "half of our office", "everyone in our building".
                    + "|\\b(?:half|most|all|everyone|every one|the whole) (?:of |in )?(?:our|my) (?:office|company|team"
                    + "|department|building|street|block|estate|class|school|village|floor|firm|workplace)\\b");

    private static final Pattern HIT_EN =
            Pattern.compile("\\b(?:have had no|has had no|have no|had no|were all|have all"
                    + "|all got|all fell|were ill|fell ill|got ill|been ill|were sick|was ill|were hurt|were injured|lost|without"
                    + "|billed twice|charged twice|overcharged|charged to their|were charged|got charged|been charged|fined|scammed|defrauded|not paid|weren't paid|were not paid|affected"
                    + "|leaking|cracked|no water|no power|no heating|no signal|ill the next day|in hospital|food poisoning"
                    + "|disappeared with|vanished with|ran off with|run off with|made off with|have had|has had"
                    + "|with all our|went bust|shut down|closed down|took our money|took our fees)\\b");

    private static final List<Pattern> CHINESE = List.of(COUNTED_ZH);

    private static final List<Pattern> ENGLISH = List.of(COUNTED_EN);

    /** The count of the many who were hit, as written; null when no sentence counts many and tells what hit them. */
    public static String find(ScannedText text) {
        String s = text.foldedString();
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            if (i < s.length() && "。！？.!?\n".indexOf(s.charAt(i)) < 0) continue;
            int end = Math.min(i + 1, s.length());
            String counted = counted(text, s, start, end);
            if (counted != null) return counted;
            start = end;
        }
        return null;
    }

    private static String counted(ScannedText text, String s, int start, int end) {
        for (Pattern count : text.inItsLanguages(CHINESE, ENGLISH)) {
            Matcher m = count.matcher(s).region(start, end);
            if (!m.find()) continue;
            if (HIT_ZH.matcher(s).region(start, end).find()
                    || HIT_EN.matcher(s).region(start, end).find()) {
                return text.written(m.start(), m.end());
            }
        }
        return null;
    }
}
