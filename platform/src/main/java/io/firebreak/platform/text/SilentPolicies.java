package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * No policy covers it (无章可循): the terms silent on whether the customer's case is covered or allowed, or no one able
 * to say — "条款里没写能不能装在共享单车上", "家财险的条款里既没说保也没说不保", "你们说没有继承的规定", "墓园没人能说清规定允不允许",
 * "My dental plan doesn't say whether a sports mouth guard counts as treatment", "your home policy neither covers nor
 * excludes e-scooters", "Nobody at the studio can tell me whether a cover-up … comes under your guarantee". Each
 * trade's terms are silent on their own cases (a pet in a care home, an outside officiant, a hand-cycle adapter), which
 * a list of phrases never finishes naming. A question for information is not it: "Nobody can tell me whether my
 * parcel has been sent", "The warranty doesn't say whether I need to keep the box; could you tell me?", "条款里没写退款
 * 几天到账", "套餐里没写能不能改期，麻烦问一下可以改吗？".
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints, each as the rules read it before
 * its words were added): 26 DIFFICULT complaints the rules had read ORDINARY are found, and no ordinary complaint of
 * any labelled set (bench/results/2026-12-07/difficult-structures/; with sets 100 and 101, session-47/readers/).
 */
public final class SilentPolicies {

    private SilentPolicies() {}

    private static final String CLAUSE = "[^。!?\\n]";

    private static final String POLICY_ZH = "(?:条款|规定|规则|合同|套餐|计划|保修|政策|协议|章程|须知)";

    /** Whether the case is in or out: 能不能, 算不算, 允不允许, 保不保. */
    private static final String WHETHER_ZH = "(?:能不能|算不算|可不可以|允不允许|可以不可以|保不保|管不管|归不归|要不要|收不收|退不退|赔不赔)";

    /** The terms saying nothing: 条款里没写, 规定里没提, 合同上没有规定. */
    private static final String SAYS_NOTHING_ZH = POLICY_ZH + "(?:里|上|中)?(?:也|都|根本)?(?:没写|没说|没提|没规定|没有写|没有说|没有规定)";

    private static final Pattern SILENT_ZH = Pattern.compile(SAYS_NOTHING_ZH + CLAUSE + "{0,20}?(?:" + WHETHER_ZH
            + "|怎么|要不要|该谁|谁负责|谁出|谁来)"
            // Not said clearly, or asked for although not said: "合同里也没写清楚", "酒店钱你们得报，虽然合同里没写".
            + "|" + SAYS_NOTHING_ZH + "清楚|虽然" + SAYS_NOTHING_ZH
            // The case first, the silence after: "活不了怎么算，你们的规定里没写".
            + "|(?:" + WHETHER_ZH + "|怎么)" + CLAUSE + "{0,20}?[,;]" + CLAUSE + "{0,6}?" + SAYS_NOTHING_ZH
            + "|" + POLICY_ZH + "(?:里|上|中)?既没(?:说|写)" + CLAUSE + "{0,12}?也没(?:说|写)"
            + "|没(?:有)?人(?:能)?(?:说(?:得)?(?:清|清楚)|告诉我|告诉我们)" + CLAUSE + "{0,25}?(?:" + WHETHER_ZH + "|规定)"
            // The case first, then no one able to say: "剩下的课时能不能转给我弟弟，问了一圈没人说得清".
            + "|" + WHETHER_ZH + CLAUSE + "{0,25}?[,;]" + CLAUSE + "{0,8}?没(?:有)?人(?:能)?说(?:得)?(?:清|清楚)"
            + "|谁说了算" + CLAUSE + "{0,6}?没(?:有)?人"
            + "|(?:没有|没)" + CLAUSE + "{0,6}?的(?:规定|先例)");

    private static final String POLICY_EN =
            "\\b(?:terms|policy|policies|rules|warranty|guarantee|plan|plans|package|contract"
                    + "|cover|conditions|agreement|small print)\\b";

    /** Whether the case is in or out: covered, allowed, counts as, comes under, passes to. */
    private static final String COVERED_EN =
            "(?:covered|allowed|permitted|counts as|comes under|come under|applies|apply"
                    + "|can use|can take|can attach|can bring|rules|policy|guarantee|warranty|terms"
                    // Passing to someone else: "whether it passes to me", "whether the payout can go to his estate".
                    + "|passes to|pass to|can go to|goes to|transfers to|be transferred|can transfer|transfer to)";

    private static final Pattern SILENT_EN = Pattern.compile(POLICY_EN
            + "(?: [\\w']+){0,2}? (?:doesn't|does not|don't|do not) (?:say|state|mention|specify)(?: anything about)?"
            + " (?:whether|if)\\b[^.!?]{0,50}?" + COVERED_EN
            + "|\\bnothing (?:in|on) (?:your|the|our|my) [\\w' -]{1,30}? (?:says|states|mentions)(?: whether| if)\\b[^.!?]{0,50}?"
            + COVERED_EN
            // What becomes of the case, not said: "Nothing on your site says what happens to a parcel left …".
            + "|\\bnothing (?:in|on) (?:your|the|our|my) [\\w' -]{1,30}? (?:says|states|mentions|explains) what happens\\b"
            + "|" + POLICY_EN + "(?: [\\w']+){0,2}? neither covers nor excludes\\b"
            + "|\\b(?:nobody|no one|no-one)(?: at [\\w' -]{1,30}?)? (?:can|could|will|would) (?:tell|say)(?: me| us)?"
            + " (?:whether|if)\\b[^.!?]{0,60}?" + COVERED_EN
            // Asked around, and no one knows: "Nobody I've asked seems to know whether that's allowed".
            + "|\\b(?:nobody|no one|no-one) (?:i've|i have|i|we've|we have|we) asked (?:seems to know|knows|could tell me|can tell me"
            + "|could say|can say) (?:whether|if)\\b[^.!?]{0,60}?" + COVERED_EN
            // Who has the say: "nobody can tell me who can cancel it", "… who decides that".
            + "|\\b(?:nobody|no one|no-one)(?: at [\\w' -]{1,30}?)? (?:can|could|will|would) (?:tell|say)(?: me| us)?"
            + "(?: how [^.!?]{1,30}? or)? (?:who can|who decides|who is allowed|who may|who gets to)\\b");

    /** The customer asking the company to answer: an enquiry, whatever the terms say (not 没人能告诉我, no one can). */
    private static final Pattern ASKING = Pattern.compile(
            "麻烦问一下|请问|想问一下|想问问|(?<!人)能告诉我|could you tell me|can you tell me|please tell me|could you let me know");

    private static final List<Pattern> CHINESE = List.of(SILENT_ZH);

    private static final List<Pattern> ENGLISH = List.of(SILENT_EN);

    /** What says the terms are silent, as written; null when they are not said to be, or the customer only asks. */
    public static String find(ScannedText text) {
        if (ASKING.matcher(text.foldedString()).find()) return null;
        return text.firstWritten(CHINESE, ENGLISH);
    }
}
