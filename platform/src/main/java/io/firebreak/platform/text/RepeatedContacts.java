package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contacts a customer counts (一而再): "已经联系了四次", "我催了三次", "留了四次言", "报修五次了", "提交了六次工单",
 * "这是我第五封邮件", "I've e-mailed your claims team four times", "this is my 5th call", "my sixth ticket", an agent's
 * "Cx has contacted us four times", "the second engineer visit for the same leak", "I've been on your live chat four
 * times", "three phone calls and two emails", "I've reported every one of them", "I complained in October that …, and
 * he did exactly the same today" — whatever the way of
 * asking and whatever the number, the sign of a customer who has asked before, which a list of phrases never finishes
 * naming (each trade asks its own way: 报修, 留言, "rung the alterations counter"). The customer counts them, not
 * someone else: "快递员跑了两趟", "理财经理打电话推销产品太频繁了，一周打了三次", "My daughter phoned me five times", "The alarm
 * rang three times" are not.
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints with no earlier one on file, each
 * as the rules read it before its words were added): 42 complaints of customers who had asked before, read below
 * ESCALATED, are found, and no ordinary one (bench/results/2026-12-07/repeated-contacts/; with sets 100 and 101, session-47/readers/).
 */
public final class RepeatedContacts {

    private RepeatedContacts() {}

    /** A count of two or more: 两, 三, 十二, 好几, 几, 5. */
    private static final String TIMES_ZH = "(?:[两二三四五六七八九十]+|好几|几|\\d+)";

    /**
     * Asking, counted: "打了三次电话", "联系了四次", "投诉过两次", "催了好几次", "跑了三趟", "报修五次", "留了四次言",
     * "跟前台说了三次".
     */
    private static final Pattern COUNTED_ZH =
            Pattern.compile("(?:打电话|打客服电话|打|拨|联系|投诉|反映|催|问|找|咨询|写信|发邮件|发了邮件|留言|留|上门|来修|报修|跑|email|e-mail|邮件"
                    // Told someone, counted: "跟前台说了三次".
                    + "|(?:跟|和|向)[^,。!?\\n]{0,6}?说)"
                    + "(?:了|过)?(?:你们)?(?:在线|人工)?(?:客服|贵司|热线)?" + TIMES_ZH + "(?:次|遍|趟|回)"
                    // Calls to find someone, not asking again: "打了三次电话才找到".
                    + "(?!\\p{IsHan}{0,2}?才找(?:到|着))"
                    // A ticket put in, not a form that failed: "提交了六次工单", not "提交了三次才成功".
                    + "|提交(?:了|过)?" + TIMES_ZH + "次(?:工单|申请|投诉|反馈|售后)");

    /** The how-manieth time, or letter: "第三次打电话", "这是我第五封邮件". */
    private static final Pattern ORDINAL_ZH =
            Pattern.compile("第(?:[二三四五六七八九十]+|\\d+)次(?:打|联系|投诉|反映|来|写|给你们|找|催|问|上门|报修)"
                    + "|这是(?:我|我们)?第(?:[二三四五六七八九十]+|\\d+)(?:次|封|个电话|通电话)");

    /** Someone else than the customer, before the count in its sentence: they did the calling or the coming. */
    private static final Pattern SOMEONE_ELSE = Pattern.compile("员|师傅|经理|骑手|小哥|老师|前台|医生|司机|工人|他|她|对方|商家|店家|厂家");

    private static final Pattern THE_CUSTOMER = Pattern.compile("我|本人|客户");

    /** What was asked about since came right: "反映了两次，今天送到了，谢谢". */
    private static final Pattern SETTLED =
            Pattern.compile("(?:今天|已经|终于|现在|后来)(?:送到|到了|解决|处理好|修好|退了|收到)|(?:都|就)(?:很快|及时)(?:回复|处理)");

    private static final String TIMES_EN = "(?:twice|three times|four times|five times|six times|seven times|\\d+ times"
            + "|several times|a few times|multiple times|many times|countless times|numerous times"
            + "|on (?:two|three|four|five|several|\\d+) (?:separate |different )?occasions)";

    /**
     * The customer asking, counted: "I've called three times", "we've emailed support four times", "I have now phoned
     * your office five times"; not someone calling them ("phoned me five times").
     */
    private static final Pattern COUNTED_EN = counted("i|we");

    /** The same told of the customer by an agent ("Customer says she has now phoned five times"). */
    private static final Pattern COUNTED_EN_REPORTED = counted("i|we|she|he");

    /** The customer in an agent's note, who contacts "us": "Cx has contacted us four times since March". */
    private static final Pattern COUNTED_EN_NOTED =
            Pattern.compile("\\b(?:customer|caller|client|cx|cust)(?:'s| has| have| had)?"
                    + "(?: (?:now|already|also|just))* (?:called|rung|rang|phoned|emailed|e-mailed|written|contacted|complained"
                    + "|chased)\\b(?: [^ .;!?]+){0,4}? " + TIMES_EN + "\\b");

    private static Pattern counted(String who) {
        return Pattern.compile("\\b(?:" + who + ")(?:'ve|'d|'s| has| have| had)?(?: (?:now|already|also|just|probably"
                + "|actually|literally))* (?:called|rung|rang|phoned|emailed|e-mailed|written|wrote|chased|contacted"
                + "|complained|messaged|been in touch|been on (?:the phone|hold|(?:your |the )?(?:live )?chat))\\b"
                + "(?! (?:me|us|her|him)\\b)(?: [^ .;!?]+){0,4}? " + TIMES_EN
                + "\\b");
    }

    private static final String ORDINAL = "(?:second|third|fourth|fifth|sixth|seventh|2nd|3rd|4th|5th|6th|7th)";

    /** The how-manieth: "this is my fourth e-mail", "the third time I've asked"; not a form or an attempt. */
    private static final Pattern ORDINAL_EN = Pattern.compile("\\b(?:this is|it's|it is|that's|for) (?:my|the|our) "
            + ORDINAL
            + " (?:time (?:i've|i have|we've|we have|i'm|i am|of asking|asking|writing|calling)"
            + "|call|email|e-mail|mail|letter|message|msg|ticket|request|reminder|follow-up|chaser"
            + "|complaint(?! form))\\b"
            // A visit for the same fault is told so, not paid for: "this is the second engineer visit".
            + "|\\b(?:this is|it's|it is|that's) (?:my|the|our) " + ORDINAL + " (?:engineer |technician )?visit\\b");

    private static final String COUNT_EN = "(?:two|three|four|five|six|seven|several|\\d+)";

    private static final String CONTACTS_EN = "(?:phone )?(?:calls?|e-?mails?|letters?|messages?|chats?)";

    /**
     * Contacts of two kinds counted together, or each matter reported: "Three phone calls and two emails about the
     * double charge", "I've reported every one of them"; not calls received ("three calls and two emails from your
     * sales team").
     */
    private static final Pattern TALLIED_EN = Pattern.compile("\\b" + COUNT_EN + " " + CONTACTS_EN + " and (?:"
            + COUNT_EN + "|a|an|one) " + CONTACTS_EN + "\\b(?! from\\b)"
            + "|\\b(?:i|we)(?:'ve| have)? (?:reported|complained about|rung about|called about|chased)"
            + " (?:every one of them|each one|each of them|every single one|every time|each time)\\b");

    /**
     * A complaint made before, dated, and the same thing again: "I complained in October that the driver blocks our
     * drive, and he did exactly the same today", "I told you in September the kiosk prints blank receipts, and it did it
     * again this week".
     */
    private static final Pattern SAID_BEFORE_EN = Pattern.compile("\\b(?:i|we) (?:complained|told you|reported|raised"
            + "|mentioned|wrote)\\b[^.!?]{0,20}? in (?:january|february|march|april|may|june|july|august|september"
            + "|october|november|december|the spring|the summer|the autumn|the winter)\\b[^.!?]{0,90}?"
            + "\\b(?:again|exactly the same|the very same|the same thing)\\b");

    /** Calls said to be about something else: "i rang twice today but it wasn't about the fridge". */
    private static final Pattern ANOTHER_MATTER =
            Pattern.compile("[^.;!?]*\\b(?:wasn't|was not|weren't|were not|not) about\\b");

    /** What the customer said counting their contacts, as written; null when they count none. */
    public static String find(ScannedText text) {
        if (text.hasHan()) {
            String s = text.foldedString();
            for (Pattern p : List.of(ORDINAL_ZH, COUNTED_ZH)) {
                Matcher m = p.matcher(s);
                while (m.find()) {
                    if ((p == ORDINAL_ZH || theCustomers(s, m.start()))
                            && !SETTLED.matcher(s).region(m.end(), s.length()).find()) {
                        return text.written(m.start(), m.end());
                    }
                }
            }
        }
        String s = text.foldedString();
        boolean reported = ReportingFrame.openingEnd(text.simplified()) > 0;
        for (Pattern p : List.of(
                ORDINAL_EN,
                reported ? COUNTED_EN_REPORTED : COUNTED_EN,
                COUNTED_EN_NOTED,
                TALLIED_EN,
                SAID_BEFORE_EN)) {
            Matcher m = p.matcher(s);
            if (m.find()
                    && !ANOTHER_MATTER.matcher(s).region(m.end(), s.length()).lookingAt()) {
                return text.written(m.start(), m.end());
            }
        }
        return null;
    }

    /**
     * Whether the count at {@code at} is the customer's: its sentence so far names the customer (我, 客户), or names no
     * one else.
     */
    private static boolean theCustomers(String s, int at) {
        int start = at;
        while (start > 0 && "。！？!?\n".indexOf(s.charAt(start - 1)) < 0) start--;
        String before = s.substring(start, at);
        return THE_CUSTOMER.matcher(before).find()
                || !SOMEONE_ELSE.matcher(before).find();
    }
}
