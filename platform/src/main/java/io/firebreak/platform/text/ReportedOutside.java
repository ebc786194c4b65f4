package io.firebreak.platform.text;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A complaint taken to an authority outside the company (向监管部门投诉, 起诉): the customer reporting it, or saying they
 * will, to a body that a name's form shows is a public one — a bureau, a commission, an ombudsman, a court, a regulator
 * known by its letters — "我已经向电信管理局申诉了", "我已经向动物卫生监督所举报你们无证行医",
 * "这事我已经交给法律援助中心了", "I've reported the cruise line to the Maritime and Coastguard Agency", "I have reported
 * your practice to the RCVS". Every trade has its own regulator, and every country names its own, which a list of
 * names never finishes; their names end alike (局, 委员会, 监督所, 中心 after 援助 or 举报; Agency, Commission, Ombudsman).
 * Not the company's own people (向你们客服反映, "complained to the store manager"), not a notice that the customer may
 * go to one ("如有质量问题，可向12315投诉", "you can complain to the Energy Ombudsman"), not senior staff ("escalate to the
 * higher authority"), not a wallet handed in (交给了派出所), not a council as such (a pothole reported to it; its
 * environmental health or trading standards team is read). The police are not read: a customer reports a theft by
 * someone else to them as often as the company ("I reported my stolen card to the police; please send the new one").
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints): 19 MAJOR complaints the rules had
 * read ORDINARY are found, and no complaint labelled below MAJOR in any labelled set
 * (bench/results/2026-12-07/reported-outside/; with sets 100 and 101, session-47/readers/).
 */
public final class ReportedOutside {

    private ReportedOutside() {}

    private static final String CLAUSE = "[^,。!?;\\n]";

    /** Not the company, nor anyone of its own or of the customer's dealings (a landlord, a shop, a platform). */
    private static final String NOT_OURS = "(?!你们|贵司|贵公司|客服|售后|门店|店里|店长|经理|快递|师傅|前台|物业|房东|老板|平台|商家)";

    /** A public body, by how its name ends: "电信管理局", "消费者权益保护委员会", "动物卫生监督所", "12315". */
    private static final String AUTHORITY_ZH = "(?:" + CLAUSE + "{0,14}?(?:管理局|监管局|" + CLAUSE + "(?<![骗格布结饭赌])局|委员会|纪委"
            + "|卫健委|仲裁委|监督所|管理所|管理处|机关|专员|协会|消协|法院|网信办|信访办|网信部门|监管部门|有关部门|相关部门"
            + "|援助中心|保护中心|仲裁中心|举报中心|12315|12345|12326|12365|12331|12358|12366|12378|12381|12393))";

    private static final String ACTS_ZH = "(?:申诉|举报|投诉|反映|递交|提交|起诉|告了|控告|状告|上告|申请仲裁|求助)";

    /** Told to it (not offered: 可向, 可以向, 或向), or the matter handed to it ("这事我已经交给法律援助中心了"; not a wallet). */
    private static final Pattern TOLD_ZH = Pattern.compile("(?<!可)(?<!以)(?<!或)(?:向|到|给|找)" + NOT_OURS + AUTHORITY_ZH
            + CLAUSE + "{0,10}?" + ACTS_ZH + "|(?:这事|这件事|此事|材料|证据|资料|案子)" + CLAUSE
            + "{0,8}?(?:交给了?|寄给了?|递交给了?|提交给了?|报给了?)" + NOT_OURS + AUTHORITY_ZH);

    /** A public body by how its name ends: "the Food Standards Agency", "the Care Quality Commission". */
    private static final String AUTHORITY_EN = "(?:agency|commission|authority|ombudsman|ombudsman service|regulator"
            + "|inspectorate|tribunal|trading standards|standards|bureau|commissioner|commissioner's office"
            + "|ministry|court|environmental health(?: team| department| officers?)?"
            + "|council's [a-z ]{0,30}?(?:team|department|officers?))";

    /** The words of its name before the ending: not the company's own ("the store", "the manager", "your"). */
    private static final String NAME_EN = "(?!(?:store|shop|branch|manager|head office|customer|complaints|your)\\b)"
            + "(?:(?!(?:with|what|your|about|for|that|which|who|if|because|over|higher|relevant|right|appropriate)\\b)"
            + "[a-z'&-]+ ){0,4}?" + AUTHORITY_EN + "\\b";

    /** Not an option someone names ("you can complain to the Energy Ombudsman"): what stands right before the verb. */
    private static final Pattern AN_OPTION = Pattern.compile("(?:can|could|may|might) $");

    private static final Pattern TOLD_EN = Pattern.compile("\\b(?:reported|report|reporting"
            + "|complained about|complain about|complaining about|referred|refer|escalated|escalate|lodged|lodge)\\b"
            + "[^.!?;]{0,40}?\\bto the " + NAME_EN + "|"
            + "\\b(?:complained|complain|complaining|appealed|appeal)\\b to the " + NAME_EN
            + "|\\bfiled (?:a |an )?(?:complaint|claim|report|case)s? with the " + NAME_EN
            // Written to, or told: "I've written to the Environment Agency", "we have notified the Financial
            // Ombudsman".
            + "|\\b(?:written|wrote|write|writing)\\b to the " + NAME_EN
            + "|\\b(?:contacted|notified|alerted|informed)\\b the " + NAME_EN);

    /** A regulator known by its letters, as written in capitals: "reported your firm to the FCA". */
    private static final Pattern TOLD_BY_LETTERS = Pattern.compile("\\b(?:reported|report|reporting"
            + "|complained|complain|referred|refer|escalated)\\b[^.!?;]{0,40}?\\bto (?:the )?([A-Z]{2,6})\\b");

    /** Capitals that name no authority. */
    private static final Set<String> NOT_AUTHORITIES =
            Set.of("I", "OK", "TV", "UK", "US", "USA", "EU", "ID", "PDF", "CEO", "HR", "IT", "PR", "CS");

    private static final List<Pattern> CHINESE = List.of(TOLD_ZH);

    /** The authority and what it was told, as written; null when the complaint is not said to be taken to one. */
    public static String find(ScannedText text) {
        String named = text.firstWritten(CHINESE, List.of());
        if (named != null || !text.hasLatin()) return named;
        String s = text.foldedString();
        Matcher m = TOLD_EN.matcher(s);
        while (m.find()) {
            if (!offered(s, m.start())) return text.written(m.start(), m.end()).strip();
        }
        m = TOLD_BY_LETTERS.matcher(text.text());
        while (m.find()) {
            if (!offered(s, m.start()) && !NOT_AUTHORITIES.contains(m.group(1))) {
                return text.written(m.start(), m.end()).strip();
            }
        }
        return null;
    }

    /** Whether the verb at {@code at} is an option someone names: "you can complain to …". */
    private static boolean offered(String folded, int at) {
        return AN_OPTION.matcher(folded).region(Math.max(0, at - 7), at).find();
    }
}
