package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A person's body hurt (人身伤害): a part of someone's body and what happened to it, said in the next words —
 * "脚上烫出好几个泡", "孩子背上起了一大片红印子", "额头缝了三针", "手被灼伤", "her hand is still numb", "my throat swelled up",
 * "a red patch on his arm", "a gash on her head", "scarred my cornea". Each trade hurts people its own way (a foot spa,
 * a kettle's steam, a camel at a petting zoo, lash glue), which a list of hazards never finishes naming; the body and
 * its harm are the same in all of them. Not a thing named after the body ("手机屏幕划破了", "桌腿", "her leg warmers
 * arrived broken"), nor a harm denied ("手没烫伤", "my son's hand wasn't burned"), nor one from elsewhere told as a
 * reason ("my arm is in plaster from a skiing accident, so could the driver bring it up?"), nor a part without its
 * owner ("I have an eye infection, can I pause my lens subscription?"); a swelling alone is not read (feet too swollen
 * for the shoes), only one red or rising ("又红又肿", "my throat swelled").
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,989 complaints): 33 MAJOR complaints the rules had
 * read ORDINARY are found, and no complaint labelled below MAJOR in any labelled set
 * (bench/results/2026-12-07/bodily-harm/; with sets 100 and 101, session-47/readers/).
 */
public final class BodilyHarm {

    private BodilyHarm() {}

    /** A hand, not a phone, a procedure, a watch or a glove (手机, 手续, 手表, 手套), nor a second-hand thing. */
    private static final String HAND = "手(?<![二对动新拉扶把老能]手)(?![机续表工套环链柄提办术动感写艺])";

    private static final String BODY_ZH = "(?:手指|手臂|手腕|手背|手心|" + HAND
            + "|脚趾|脚踝|脚底|脚后跟|脚(?<![裤垫]脚)(?![垫本手])|腿(?<![桌椅床凳柜]腿)|胳膊|后背|背上|背部|的背|脸上|脸部|脸颊|额头"
            + "|头皮|头上|头部|脑袋|眼睛|眼皮|眼角|眼球|嘴唇|嘴里|嘴角|喉咙|嗓子|脖子|胸口|肚子|膝盖|皮肤(?!衣)|牙齿|门牙|舌头|耳朵|鼻子"
            + "|下巴|角膜)";

    /** What a body suffered: a scald, a blister, a swelling, a wound stitched, a tooth knocked out, a bite. */
    private static final String HURT_ZH = "(?:烫红|烫伤|烫出|烫起|烫破|红了一?片|红了一大片|起了?[^。!?]{0,5}?(?:泡|红印|红疹|疹子)|起泡"
            + "|红肿|又红又肿|肿起|肿得|发紫|流血|出血|缝了|缝针|口子|灼伤|烧伤|磕掉|磕破|骨折|淤青|青紫|划破|割破|割伤|伤口|溃烂|留了疤|留疤|脱皮"
            + "|被咬|咬伤|咬破|划了[^。!?]{0,4}口子|划出[^。!?]{0,4}口子)";

    /** Between the body and its harm, only the small words that join them ("脚上烫出", "嘴唇都发紫", "手被灼伤"). */
    private static final String GAP_ZH = "[上部都也还又被给了的到在全是已经一直现整个片里和跟]{0,5}?";

    /** A harm denied: "手没烫伤", "孩子的脸没有被划破". */
    private static final String NOT_ZH = "(?<!没)(?<!未)(?<!不)(?<!无)(?<!没有)(?<!没被)";

    /** A limb gone numb, after a shock: "手麻了一下", "手到现在还在麻" (a mouth numb with chilli is not). */
    private static final String NUMB_ZH = "(?:" + HAND + "|脚|腿|胳膊|手指)[都也还一直到现在]{0,5}?(?:发麻|麻了|在麻|麻木)";

    /** Skin broken by a blow or a jet, the body in the word itself: "冲破了一大块皮", "擦破了皮". */
    private static final String SKIN_ZH = "[冲擦蹭磕](?<![没未不无].)(?<!没有.)(?<!没被.)破了?(?:一大块|一块|一层|好大一块|点)?皮";

    private static final Pattern HARMED_ZH =
            Pattern.compile(NUMB_ZH + "|" + SKIN_ZH + "|" + BODY_ZH + GAP_ZH + NOT_ZH + HURT_ZH);

    /** Whose body: a person's, not a thing's ("the back of the sofa"). */
    private static final String OWNER_EN = "(?:(?:my|his|her|their|our|your)(?: [a-z-]+'s)?|[a-z-]+'s|[a-z]+s')";

    private static final String BODY_EN = "(?:arm|arms|hand|hands|finger|fingers|thumb|leg|legs|foot|feet|face|eye|eyes"
            + "|eyelid|skin|back|head|forehead|scalp|neck|mouth|lip|lips|throat|chest|knee|knees|wrist|ankle|toe|toes"
            + "|tongue|teeth|tooth|cornea|cheek|chin|shoulder|calf|palm|thigh|shin|elbow|heel|hip)";

    /** Between a body and what it suffered, only the words that join them ("had to be", "is still", "; he's in"). */
    private static final String JOIN_EN = "(?:[;,]? (?:is|was|were|are|has|have|had|got|gets|been|became|went|still|now"
            + "|all|badly|so|very|to|be|came|up|and|left|with|a|the|he's|she's|they're|it's|in|that|night|then))*?";

    private static final String SUFFERED_EN = "(?:swelled|swollen|swelling|blistered|blistering|blisters|burned|burnt"
            + "|scalded|numb|bleeding|bled|gashed|stitches|stitched|glued|in plaster|fractured|broken|bruised|scarred)";

    /**
     * A harm, then the body it is on: "a red patch on his arm", "broke her wrist", "scarred my cornea", "a burn the size
     * of my palm".
     */
    private static final String HARM_EN =
            "(?:a red patch|red patches|a red mark|red marks|blisters|a blister|burns|a burn"
                    + "|a gash|a cut|a deep cut|stitches|a fracture|bruises|a bruise|a rash|an infection|scars|a scar|scarred"
                    + "|broke|fractured|burned|burnt|scalded|cut|trapped|crushed"
                    // A weight or a door that came down on someone else: "fell on my seven-year-old's foot", "snapped
                    // shut on my daughter's fingers" (not "closed my eyes", nor a cushion that "fell on my foot").
                    + "|(?:fell|landed|came down|crashed down|snapped shut|slammed shut|shut|closed|slammed)"
                    + "(?= on(?:to)? (?:my|his|her|their|our|your) [a-z-]+'s ))";

    /** A body part named at all: most complaints name none, and the patterns below are not tried on them. */
    private static final Pattern ANY_BODY_EN = Pattern.compile("\\b" + BODY_EN + "\\b");

    private static final Pattern HARMED_EN = Pattern.compile("\\b" + OWNER_EN + " (?:[a-z]+ )?" + BODY_EN + JOIN_EN
            + " " + SUFFERED_EN + "\\b|\\b" + HARM_EN + " (?:(?:on|onto|to|in|across|the size of) )?" + OWNER_EN
            + " (?:[a-z]+ )?"
            + BODY_EN + "\\b");

    /** A harm denied in the words found: "my son's hand wasn't burned", "no burns on her arm". */
    private static final Pattern NOT_EN = Pattern.compile("\\b(?:no|not|never|without)\\b|n't\\b");

    /** A harm from elsewhere, told as a reason: "my arm is in plaster from a skiing accident, so could the driver …". */
    private static final Pattern ELSEWHERE_EN =
            Pattern.compile("\\s*(?:from|after|since|because of) (?:a|an|my|his|her|their|our)\\b");

    private static final List<Pattern> CHINESE = List.of(HARMED_ZH);

    private static final List<Pattern> ENGLISH = List.of(HARMED_EN);

    /** The body and its harm, as written; null when no one's body is said to be hurt. */
    public static String find(ScannedText text) {
        String s = text.foldedString();
        for (Pattern p : text.inItsLanguages(CHINESE, ENGLISH)) {
            if (p == HARMED_EN && !ANY_BODY_EN.matcher(s).find()) continue;
            var m = p.matcher(s);
            while (m.find()) {
                if (p == HARMED_EN
                        && (NOT_EN.matcher(s).region(m.start(), m.end()).find()
                                || ELSEWHERE_EN
                                        .matcher(s)
                                        .region(m.end(), s.length())
                                        .lookingAt())) continue;
                return text.written(m.start(), m.end()).strip();
            }
        }
        return null;
    }
}
