package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data exposed (个人信息泄露): another person's identifying details shown to the customer, or the customer's
 * given to someone else — "看到的居然是别人的订单，有姓名、电话、住址", "我收到的续保通知上是别人的身份证号和病历", "你们把我的身份证、
 * 银行卡照片和体检报告发到了别人的邮箱里", "Your renewal letter showed another customer's name, date of birth and medical
 * history", "I opened three strangers' invoices with their names and addresses", "gave my new address to my
 * ex-husband". Each system shows it its own way (a portal, a letter, a camera's app), which a list of phrases never
 * finishes naming. A parcel delivered to the wrong door is not it, though a name is on its label
 * ("我收到了别人的快递，上面有别人的姓名和电话").
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,861 complaints): 8 MAJOR complaints the rules had
 * read ORDINARY are found, and no complaint labelled below MAJOR in any labelled set
 * (bench/results/2026-12-07/difficult-structures/).
 */
public final class ExposedData {

    private ExposedData() {}

    private static final String CLAUSE = "[^。!?\\n]";

    private static final String OTHERS_ZH = "别人|他人|陌生人|其他客户|其他用户|其他人|另一个客户|别的客户|陌生人家";

    private static final String OTHER_ZH = "(?:" + OTHERS_ZH + ")";

    /** Whom the customer's details went to: someone else, or an ex ("告诉了我前夫"). */
    private static final String RECIPIENT_ZH = "(?:" + OTHERS_ZH + "|我前夫|我前妻|前夫|前妻|前任)";

    /** What identifies a person: a name with a number, an address, an ID, medical records, a camera's live picture. */
    private static final String DETAILS_ZH = "(?:姓名|名字|电话|手机号|住址|家庭地址|地址|身份证|病历|银行卡|体检报告|实时画面|画面" + "|聊天记录|证件照|护照)";

    private static final Pattern EXPOSED_ZH = Pattern.compile(OTHER_ZH + "(?:的|家的)?" + CLAUSE + "{0,14}?" + DETAILS_ZH
            + "|(?:我|我们|我家)的" + CLAUSE + "{0,12}?" + DETAILS_ZH + CLAUSE + "{0,10}?(?:告诉了|发到了|发给了|寄给了|泄露给|给了)"
            + RECIPIENT_ZH);

    private static final String OTHER_EN = "(?:another (?:customer|patient|client|guest|member|user|tenant|person)'s"
            + "|someone else's|a stranger's|strangers'|other (?:customers|patients|clients|people|users)'|other people's)";

    private static final String DETAILS_EN = "(?:name|address|addresses|phone number|date of birth|medical|bank details"
            + "|card details|passport|invoices?|payslips?|records?|documents?|camera feed|live feed)";

    private static final Pattern EXPOSED_EN = Pattern.compile(OTHER_EN + "[^.!?]{0,50}?\\b" + DETAILS_EN + "\\b"
            + "|\\b(?:my|our) [^.!?]{0,40}?\\b(?:name|address|phone number|date of birth|medical records?|bank details"
            + "|passport|id)\\b[^.!?]{0,30}?\\b(?:to|with) (?:a stranger|someone else|another customer|the wrong person"
            + "|a third party|my ex(?:-husband|-wife|-partner)?)\\b");

    /** A parcel's label carries a name: delivered to the wrong door, nothing exposed. */
    private static final Pattern PARCEL = Pattern.compile("parcel|package|label|delivery note|快递|包裹|面单|快件");

    private static final List<Pattern> CHINESE = List.of(EXPOSED_ZH);

    private static final List<Pattern> ENGLISH = List.of(EXPOSED_EN);

    /** Whose details were shown to whom, as written; null when no one's details are said to be exposed. */
    public static String find(ScannedText text) {
        String s = text.foldedString();
        for (Pattern p : text.inItsLanguages(CHINESE, ENGLISH)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                if (!PARCEL.matcher(s).region(m.start(), m.end()).find()) {
                    return text.written(m.start(), m.end()).strip();
                }
            }
        }
        return null;
    }
}
