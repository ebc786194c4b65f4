package io.firebreak.platform.text;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Money taken from the customer without their doing (资金被盗转, 未经授权的交易): a sum or the customer's savings moved
 * out of their account, and that they did not make it or agree to it, in one sentence — "我储蓄卡里的一万四被分三笔转走了，
 * 我一笔都没操作过", "你们银行没经过我同意，从我账户里转走了八万块钱", "Your bank moved £8,000 out of my account without my
 * authorisation", "her account shows a £12,400 withdrawal she didn't make". However the money left (a transfer, a
 * withdrawal, a card used by someone else), it is the customer's money gone without them. Not a charge disputed (扣了,
 * "charged me £9.99 for a subscription I never agreed to": a bill), not a child's spending, not what the customer moved
 * themselves ("我从余额里转走了两百块…我没操作错吧？").
 *
 * <p>Replayed on the first readings of every labelled fresh set (9,861 complaints): 9 MAJOR complaints the rules had
 * read ORDINARY are found, and no complaint labelled below MAJOR in any labelled set
 * (bench/results/2026-12-07/unauthorised-payments/).
 */
public final class UnauthorisedPayments {

    private UnauthorisedPayments() {}

    private static final String CLAUSE = "[^。!?\\n]";

    /** The customer's money: a sum (一万四, 八万块, 12400元) or what they keep (存款, 余额, 积蓄). */
    private static final String MONEY_ZH = "(?:钱|存款|余额|积蓄|理财|工资|[0-9一二三四五六七八九十两百千万]+(?:块|元|万))";

    /** Moved out of the account: transferred, withdrawn, used by someone else (not 扣, a charge). */
    private static final String GONE_ZH = "(?:转走|划走|盗刷|刷走|取走|取现|被转|被划|被刷|被盗)";

    /** Not the customer's doing, nor with their agreement, nor checked with them. */
    private static final String NOT_THEIRS_ZH = "(?:没操作过|没有操作过|没操作(?!错|失误)|没有操作(?!错|失误)|不是我操作|没授权|没有授权|未经授权"
            + "|未经我|没经过我|没经我|没有经过我|没同意|未经同意|我不知情|没有验证|没验证|没有核验|没核验|没输密码|不用密码|没要密码)";

    /**
     * Money, gone, not theirs, in either order, within a sentence; not the customer moving it ("我从余额里转走"), nor a
     * thing unchecked after it ("钱转走以后，没验证的那张卡能删掉吗").
     */
    private static final Pattern TAKEN_ZH = Pattern.compile("(?<!我从)" + MONEY_ZH + CLAUSE + "{0,24}?" + GONE_ZH + CLAUSE
            + "{0,30}?" + NOT_THEIRS_ZH + "(?!的)|" + NOT_THEIRS_ZH + CLAUSE + "{0,30}?" + MONEY_ZH + CLAUSE + "{0,20}?"
            + GONE_ZH
            + "|" + NOT_THEIRS_ZH + CLAUSE + "{0,20}?" + GONE_ZH + CLAUSE + "{0,12}?" + MONEY_ZH);

    private static final String MONEY_EN =
            "(?:[£$€¥]\\s?[0-9][0-9,.]*k?|\\b[0-9][0-9,.]*\\s?(?:pounds|dollars|euros|yuan|rmb)\\b"
                    + "|\\b(?:my|our|his|her) (?:savings|money|funds|pension|balance)\\b)";

    private static final String GONE_EN =
            "\\b(?:taken|moved|transferred|withdrawn|withdrawal|withdrawals|drained|wiped|stolen)\\b";

    private static final String NOT_THEIRS_EN = "(?:without (?:my |our |his |her |any )?(?:consent|authori[sz]ation"
            + "|permission|knowledge|password|pin|checks?|verification|approval)|(?:didn't|did not|never) (?:make"
            + "|authori[sz]e|approve|agree to|do)(?: (?:it|them|this|that|these|any))?|(?:wasn't|weren't|not)"
            + " (?:me|authori[sz]ed|made by me))";

    private static final Pattern TAKEN_EN = Pattern.compile(MONEY_EN + "[^.!?\\n]{0,60}?" + GONE_EN + "[^.!?\\n]{0,60}?"
            + NOT_THEIRS_EN + "|" + GONE_EN + "[^.!?\\n]{0,40}?" + MONEY_EN + "[^.!?\\n]{0,60}?" + NOT_THEIRS_EN);

    private static final List<Pattern> CHINESE = List.of(TAKEN_ZH);

    private static final List<Pattern> ENGLISH = List.of(TAKEN_EN);

    /** Money said to have gone at all: most complaints say none, and the patterns above are not tried on them. */
    private static final Pattern ANY_GONE = Pattern.compile(GONE_ZH + "|" + GONE_EN);

    /** The money, how it went and that it was not the customer's doing, as written; null when not said. */
    public static String find(ScannedText text) {
        if (!ANY_GONE.matcher(text.foldedString()).find()) return null;
        return text.firstWritten(CHINESE, ENGLISH);
    }
}
