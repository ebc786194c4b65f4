package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A demand beyond policy (要求超出政策): one small fault, and the whole of something or a year of it demanded for it —
 * "就因为少了一张照片，我们要求退全部拍摄费", "取消了一节动感单车课，我要求免费送一年会籍", "蛋糕晚到了二十分钟，我们要求退还整个婚礼套餐费用",
 * "One chipped tile on the kitchen floor, so I want you to pay for a whole new floor", "The install was a week late, so
 * I expect the whole system for free", "I want the whole loan written off because one statement was late". Every trade
 * has its own small faults and its own wholes (a term of lessons, a season's harvest, a wedding package), which a list
 * of phrases never finishes naming; the proportion is the same. Asking for what the fault cost is not it ("快递晚了一天，
 * 我要求退还运费", "One of the two lamps arrived broken, so I want a replacement for that one lamp").
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints, each as the rules read it before
 * its words were added): 52 DIFFICULT complaints the rules had read ORDINARY are found, and no ordinary complaint of
 * any labelled set (bench/results/2026-12-07/difficult-structures/; with sets 100 and 101, session-47/readers/).
 */
public final class DemandsOutOfProportion {

    private DemandsOutOfProportion() {}

    private static final String CLAUSE = "[^。!?\\n]";

    /** One small fault: 就因为, 就一, 少收了一, 漏洗了一个, 晚到了二十分钟 (late, whatever was late), 关了半天, 一节, 一张. */
    private static final String SMALL_ZH = "(?:就因为|只因为|就为了|就(?:这么)?一|只(?:是)?一"
            + "|(?:少|丢|晚|迟|慢|多扣|多收|取消|坏|断|洗坏|刮|磕|漏)\\p{IsHan}?了(?:一|几|[二两三四五六七八九十\\d]+(?:分钟|天|个小时|小时))"
            // A coin kept: "售货机吞了我一块钱".
            + "|吞了(?:我)?(?:一|几)(?:块|元|毛)"
            // The end of a hire: "空调最后一个小时坏了".
            + "|最后(?:一|半)(?:个小时|小时|天|晚|个晚上)"
            // Shut for a while: "温泉池关了半天".
            + "|(?:关|停|闭)了(?:半天|一天|一上午|一下午|一晚上)"
            + "|晚(?:开始|\\p{IsHan})?了?(?:一|几|[二两三四五六七八九十\\d]+)(?:分钟|天|个?小时|个?星期|周)"
            + "|(?:一|两)(?:节|张|颗|局|期|包|瓶|根|件|块|个项目|个景点|次没|点))";

    private static final String DEMAND_ZH = "(?:要求|要你们|我要|应该|必须|得给我|就得|要(?=全部|全额|全款|全退))";

    /** The whole, or a year of it: 全部, 整季, 全年, 全款. */
    private static final String WHOLE_ZH =
            "(?:全部|整个|整套|整季|全年|一整年|一年|整年|明年的年卡|年卡|所有|全家|全额|全款|全价|全退" + "|全公司|一台新的|一个月的?\\p{IsHan}{0,4}(?:免费|零食))";

    private static final Pattern OUT_OF_PROPORTION_ZH =
            Pattern.compile(SMALL_ZH + CLAUSE + "{0,30}?" + DEMAND_ZH + CLAUSE + "{0,20}?" + WHOLE_ZH);

    /**
     * One small fault: "one cupboard door", "a hair", "twenty minutes late", "overran", "closed for a day"; not "one of
     * the …".
     */
    private static final String SMALL_EN = "\\b(?:one|a single|just one|only one)\\b(?! of (?:the|your|my))"
            + "|\\ba (?:hair|button|crack|chip|scratch)\\b"
            + "|\\b(?:a|an|one|two|three|five|ten|fifteen|twenty|thirty|forty|\\d+) (?:minutes?|hours?|days?|weeks?) late\\b"
            + "|\\b(?:overran|was late|were late|arrived late|came up late)\\b"
            // The end of a hire: "stopped working for the last hour of a four-day hire".
            + "|\\bfor the (?:last|final) (?:hour|day|night|morning|afternoon)\\b"
            + "|\\b(?:closed|shut|out of use|out of order) for (?:a|an|one|half a) (?:day|morning|afternoon|evening|hour)\\b"
            // A coin kept, a kiosk slow: "kept my 50p", "because the kiosk was slow".
            + "|\\b(?:kept|took|swallowed|ate) my (?:\\d{1,2}p|£1|a pound|pound coin|coin)\\b"
            + "|\\bbecause (?:the|your|my) [\\w -]{1,20}? (?:was|were) slow\\b";

    /** Demanded, not asked for: "I want", "we expect", "I demand". */
    private static final String DEMAND_EN =
            "\\b(?:i|we) (?:want|expect|demand|insist on|am owed|are owed)\\b|\\b(?:i'm|i am|we're|we are) (?:asking for|demanding)\\b";

    /** The whole, a year of it, or another one free besides: "a second bag free". */
    private static final String WHOLE_EN =
            "\\b(?:whole|entire|a (?:full |whole )?year(?:'s)?|for a year|for life|free for|for free|written off|every"
                    + "|(?:a second|another|a new) \\w+(?: \\w+)? free|refunded in full|with a new model)\\b";

    private static final Pattern OUT_OF_PROPORTION_EN =
            Pattern.compile("(?:" + SMALL_EN + ")[^.!?]{0,80}?(?:" + DEMAND_EN
                    + ")[^.!?]{0,50}?(?:" + WHOLE_EN + ")"
                    + "|(?:" + DEMAND_EN + ")[^.!?]{0,50}?(?:" + WHOLE_EN
                    + ")[^.!?]{0,50}?(?:because|over|for)\\b[^.!?]{0,10}?(?:"
                    + SMALL_EN + ")");

    private static final List<Pattern> CHINESE = List.of(OUT_OF_PROPORTION_ZH);

    private static final List<Pattern> ENGLISH = List.of(OUT_OF_PROPORTION_EN);

    /** The fault and the whole demanded for it, as written; null when no demand outgrows its fault. */
    public static String find(ScannedText text) {
        return text.firstWritten(CHINESE, ENGLISH);
    }
}
