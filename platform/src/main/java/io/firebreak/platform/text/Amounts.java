package io.firebreak.platform.text;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds sums of money in a complaint's text and their currency: "¥5000", "5000元", "5千块", "两万块钱", "八千多块"
 * (read as 8000), "$1,200", "800 dollars", "RMB 6000", and a number right after a verb that moves money, or after the
 * account it left or is in, or after "each time" ("扣了一万二", "分六笔扣走了一万二", "损失了8000", "骗了我一万", "划走了一万八", "刷了三万二",
 * "每次一万八", "扣了我们公司账户二十三万", "充了两万三", "打赏了四万多", "借了五万", "交了八万", "补缴两万", "花八万", "一共一万二", "价值五万多的",
 * "卡里十二万"), or right before a loss said of it ("卡里的四万二被冻结了", "两万块钱不见了", "二十三万突然显示为零",
 * "二十万变成了0", "一万四被分三笔转走了", "二十三万昨天被分五笔转走了", "八万块被人转走了", "四万多的货款"), or right before what it
 * was paid as ("两万八的团费", "一万二押金", "八万装修款", "三万八的美容年卡") or what it bought ("三万二的包", "三万八的考研全程班",
 * "四万八的储能系统": a thousand or ten thousand said before 的 and a thing, not a number of things counted); a
 * range reads as its lower end ("五六千" is 5000), and a charge taken several times counts again for each taking
 * after the first ("debited eleven times for the same £95"). A sum said in words, as a call's transcript writes it,
 * counts with its currency ("two thousand four hundred pounds", "fifteen hundred dollars", and in digits "30 thousand
 * yuan", "£2 million"); a price said in words
 * without one ("forty nine ninety nine") does not. Any other number without a currency (an order number,
 * a date) is not money. The yen sign is read as the Chinese yuan, the currency of the
 * customers this product serves.
 */
public final class Amounts {

    /** A sum found in the text: its currency (ISO code), value, the words as written and where they are. */
    public record Amount(String currency, BigDecimal value, String asWritten, int start, int end) {}

    private static final String NUMBER = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final String SCALE = "(万|千|k(?![a-z])|thousand(?![a-z])|million(?![a-z]))?";
    /** "八千多块", "两万余元", "五百来块": about, and at least, the number before it. */
    private static final String ABOUT = "(?:多|余|来)?";

    /**
     * After a Chinese numeral read as a sum after a verb or an account ("里面有两万"): not more of the numeral, nor a
     * thing counted ("里面有两万颗豆子" is beads, not money).
     */
    private static final String NOT_COUNTED =
            "(?![零〇一二两三四五六七八九十百千万]|\\s?(?:颗|个|件|台|次|天|人|户|份|张|条|只|粒|瓶|盒|袋|包" + "|斤|公里|米|步|积分|分|遍|年|月|周|日|号|小时|分钟))";

    private static final Pattern MONEY = Pattern.compile(
            "(?<![\\p{IsLatin}\\d])(?:"
                    + "(us\\$|hk\\$|\\$|¥|€|£|rmb|cny|usd|eur|gbp|hkd)\\s?" + NUMBER + "\\s?" + SCALE
                    + "|" + NUMBER + "\\s?" + SCALE + ABOUT
                    + "\\s?(元|块钱|块|人民币|英镑|美元|欧元|港元|港币|rmb|cny|yuan|usd|dollars?|bucks|eur|euros?|gbp|pounds?|hkd)(?![a-z])"
                    + "|([零〇一二两三四五六七八九十百千万]+)" + ABOUT + "(元|块钱|块|英镑|美元|欧元|港元|港币)"
                    // No currency, but a verb that moves money before it, or the account it moved from or is in:
                    // "扣了一万二", "损失了8000", "扣了我们公司账户二十三万", "卡里十二万", "重复扣的六千二".
                    + "|(?<=扣了|扣|扣的|扣掉的|扣走的|扣走了|扣走|付了|花了|花|一共|总共|共计|合计|报价|赔了|损失了|损失|多收了|骗了|转了|转走了|盗刷了|盗走了|打赏了|打赏|汇了|借了|贷了|欠了|欠我|交了|缴了|补缴|划走了|划走|刷走了|刷了|每次|每笔|扣了我|扣我|骗了我|骗我|多收了我|多收我|充了|充值了|价值|扣了(?:我们?|我们?的)?(?:公司)?(?:账户|账户里|账上|卡里|卡上|银行卡里?)|卡里|卡上|账户里|账上|余额|存款|本金|理财|账户少了|账上少了|卡里少了|余额少了|账户里少了|里面有|里面还有)("
                    + "\\d+(?:\\.\\d+)?\\s?(?:万|千)?(?![\\d.]|\\s?(?:次|天|个|小时|分钟|年|月|周|日|号|公里|米|件|台|遍|积分|分))"
                    + "|[零〇一二两三四五六七八九十百千万]*[万千][零〇一二两三四五六七八九]?" + NOT_COUNTED + ")"
                    // ... or a loss said after it: "卡里的四万二被冻结了", "两万块钱不见了".
                    + "|(\\d+(?:\\.\\d+)?\\s?(?:万|千)|[零〇一二两三四五六七八九十百千万]*[万千][零〇一二两三四五六七八九]?)"
                    + "(?=(?:多|余)?(?:块钱|块|元)?(?:都|全)?(?:昨天|前天|今天|昨晚|今早|刚刚|刚才|突然|一下子){0,2}"
                    + "(?:被人?(?:冻结|扣|盗|骗|划走|转走|刷走)|冻结了|没了|不见了|显示为零|清零|归零|变成了?[零0]"
                    + "|被分[一二两三四五六七八九十\\d]+笔(?:转走|划走|扣走|刷走)"
                    // ... or what it was paid as: "两万八的团费", "一万二押金".
                    + "|的?(?:团费|旅费|房费|押金|定金|订金|首付|货款|学费|会费|保费|车费|票款|机票钱|培训费|课时费|报名费"
                    + "|介绍费|中介费|装修款|工程款|尾款|预付款|服务费|代理费|律师费"
                    // ... or a card or a course paid for ahead: "三万八的美容年卡", "两万的疗程".
                    + "|(?:美容|健身|游泳|瑜伽|会员|储值)?(?:年卡|季卡|会员卡|储值卡)|疗程|课程)"
                    // ... or, after 的, what it bought: a thousand or ten thousand said without a unit before
                    // 的 and a thing is its price ("三万二的包", "三万八的考研全程班", "四万八的储能系统", "三万二的种植牙"),
                    // not a number of things counted ("两万的积分", "三万的粉丝").
                    + "|的(?!(?:积分|粉丝|步|字|公里|米|人|户|次|分|个|件|台|张|条|颗|粒|年|天|小时|页|行))(?=\\p{IsHan}))))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Numbers in words, as they are said: "a" and "one" to "ninety"; "hundred", "thousand", "million" scale them. */
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90));

    private static final Map<String, Integer> SCALES = Map.of("hundred", 100, "thousand", 1_000, "million", 1_000_000);

    /** How many times, in words: the number words from two on. */
    private static final String COUNT_WORDS = String.join(
            "|",
            NUMBER_WORDS.entrySet().stream()
                    .filter(e -> e.getValue() >= 2)
                    .map(Map.Entry::getKey)
                    .toList());

    /** A sum said in words before its currency: "two thousand four hundred pounds", "a thousand dollars". */
    private static final Pattern IN_WORDS;

    static {
        String word = "(?:" + String.join("|", NUMBER_WORDS.keySet()) + "|" + String.join("|", SCALES.keySet()) + ")";
        IN_WORDS = Pattern.compile(
                "\\b(" + word + "(?:(?:\\s+and\\s+|\\s+|-)" + word
                        + ")*)\\s+(pounds?|dollars?|euros?|bucks|quid|yuan)\\b",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * The same charge taken several times: a verb that takes money, then how many times, in one sentence ("debited
     * our account eleven times for the same £95", "扣了五次，每次三百"); not "took" ("the £600 sofa took three times as
     * long").
     */
    private static final Pattern TIMES = Pattern.compile(
            "\\b(?:debit(?:ed)?|charg(?:ed|ing)|bill(?:ed)?|deduct(?:ed)?|withdr(?:ew|awn))\\b"
                    + "[^.!?。！？;；]{0,40}?\\b(\\d{1,3}|" + COUNT_WORDS + ")\\s+times\\b"
                    + "|扣了(\\d{1,3}|[一二两三四五六七八九十]{1,3})次",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Amounts() {}

    public static List<Amount> find(ScannedText text) {
        // Looked for in the Simplified reading (萬, 塊, 損失 as 万, 块, 损失), quoted as written.
        String s = text.simplified();
        boolean inWords = maySayMoney(s);
        if (!inWords && !mayHaveMoney(s)) return List.of();
        List<Amount> found = new ArrayList<>();
        if (inWords) found.addAll(inWords(s, text));
        // The pattern is tried only where a sum can begin (as find() would, leftmost first): run at every character of
        // a 2 KB complaint, its look-behinds cost about a millisecond.
        Matcher m = MONEY.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = 0; at < s.length(); at++) {
            if (!mayBegin(s, at)) continue;
            m.region(at, s.length());
            if (!m.lookingAt()) continue;
            at = Math.max(at, m.end() - 1);
            String asWritten = text.written(m.start(), m.end());
            if (m.group(1) != null) {
                found.add(new Amount(
                        currency(m.group(1)), scaled(m.group(2), m.group(3)), asWritten, m.start(), m.end()));
            } else if (m.group(4) != null) {
                found.add(new Amount(
                        currency(m.group(6)), scaled(m.group(4), m.group(5)), asWritten, m.start(), m.end()));
            } else if (m.group(7) != null) {
                found.add(new Amount(
                        currency(m.group(8)),
                        BigDecimal.valueOf(chineseNumber(m.group(7))),
                        asWritten,
                        m.start(),
                        m.end()));
            } else if (m.group(9) != null) {
                found.add(new Amount("CNY", afterVerb(m.group(9)), asWritten, m.start(), m.end()));
            } else {
                found.add(new Amount("CNY", afterVerb(m.group(10)), asWritten, m.start(), m.end()));
            }
        }
        if (!found.isEmpty()) found.addAll(repeated(text, found));
        return found;
    }

    /** The sums said in words before their currency. */
    private static List<Amount> inWords(String s, ScannedText text) {
        List<Amount> found = new ArrayList<>(1);
        Matcher m = IN_WORDS.matcher(s);
        while (m.find()) {
            long value = numberInWords(m.group(1));
            int before = m.start() - 1;
            while (before >= 0 && s.charAt(before) == ' ') before--;
            // "30 thousand yuan" is the digits' sum, read with its scale: not a thousand of its own.
            boolean afterDigits = before >= 0 && Character.isDigit(s.charAt(before));
            if (value > 1 && !afterDigits) {
                found.add(new Amount(
                        currency(m.group(2)),
                        BigDecimal.valueOf(value),
                        text.written(m.start(), m.end()),
                        m.start(),
                        m.end()));
            }
        }
        return found;
    }

    /** A number said in words: "two thousand four hundred" is 2400, "fifteen hundred" 1500, "a thousand" 1000. */
    static long numberInWords(String words) {
        long total = 0;
        long current = 0;
        for (String word : words.toLowerCase(Locale.ROOT).split("[\\s-]+")) {
            Integer n = NUMBER_WORDS.get(word);
            if (n != null) {
                current += n;
            } else if (word.equals("hundred")) {
                current = Math.max(current, 1) * 100;
            } else if (SCALES.containsKey(word)) {
                total += Math.max(current, 1) * SCALES.get(word);
                current = 0;
            }
        }
        return total + current;
    }

    /** Whether the text names a currency in words at all ("pounds", "dollars"): most do not. */
    private static boolean maySayMoney(String s) {
        for (int i = 0; i < s.length(); i++) {
            char first = Character.toLowerCase(s.charAt(i));
            switch (first) {
                case 'p', 'd', 'e', 'b', 'q', 'y' -> {
                    for (String currency : CURRENCY_WORDS) {
                        if (currency.charAt(0) == first && s.regionMatches(true, i, currency, 0, currency.length())) {
                            return true;
                        }
                    }
                }
                default -> {
                    // no currency's word starts here
                }
            }
        }
        return false;
    }

    private static final List<String> CURRENCY_WORDS = List.of("pound", "dollar", "euro", "buck", "quid", "yuan");

    /**
     * A sum taken {@code n} times over puts the {@code n - 1} takings beyond the first at stake: one more sum per
     * count said in the same sentence as the sum ("£95 × 10 more").
     */
    private static List<Amount> repeated(ScannedText text, List<Amount> sums) {
        List<Amount> more = new ArrayList<>();
        if (!mayCount(text.simplified())) return more;
        Matcher m = TIMES.matcher(text.simplified());
        while (m.find()) {
            long times = times(m.group(1) != null ? m.group(1) : m.group(2));
            if (times < 2) continue;
            for (Amount sum : sums) {
                int from = Math.min(m.start(), sum.start());
                int to = Math.max(m.end(), sum.end());
                if (!text.sameSentence(from, to)) continue;
                more.add(new Amount(
                        sum.currency(),
                        sum.value().multiply(BigDecimal.valueOf(times - 1)),
                        sum.asWritten().strip() + " × " + (times - 1) + " more",
                        from,
                        to));
            }
        }
        return more;
    }

    /** Whether the text says how many times at all ("times", 次): most do not, and the pattern need not run. */
    private static boolean mayCount(String s) {
        if (s.indexOf('次') >= 0) return true;
        for (int i = 0; i + 5 <= s.length(); i++) {
            char c = s.charAt(i);
            if ((c == 't' || c == 'T') && s.regionMatches(true, i, "times", 0, 5)) return true;
        }
        return false;
    }

    private static long times(String count) {
        String c = count.toLowerCase(Locale.ROOT);
        if (c.chars().allMatch(Character::isDigit)) return Long.parseLong(c);
        Integer word = NUMBER_WORDS.get(c);
        return word != null ? word : chineseNumber(c);
    }

    /** Currency codes and signs a sum can begin with (the pattern's first alternative). */
    private static final List<String> CODES = List.of("us$", "hk$", "rmb", "cny", "usd", "eur", "gbp", "hkd");

    private static final String HAN_NUMERALS = "零〇一二两三四五六七八九十百千万";

    /**
     * Whether a sum can begin at {@code at}: a digit, a Chinese numeral, a currency sign, or a currency code that
     * begins a word.
     */
    private static boolean mayBegin(String s, int at) {
        char c = s.charAt(at);
        if (c >= '0' && c <= '9' || c == '$' || c == '¥' || c == '€' || c == '£') return true;
        if (c < 0x80) {
            if ("uhrcegUHRCEG".indexOf(c) < 0 || at > 0 && ScannedText.isWordChar(s.charAt(at - 1))) return false;
            char first = Character.toLowerCase(c);
            for (String code : CODES) {
                if (code.charAt(0) == first && s.regionMatches(true, at, code, 0, code.length())) return true;
            }
            return false;
        }
        return HAN_NUMERALS.indexOf(c) >= 0 && mayBeHanSum(s, at);
    }

    /**
     * Whether the Chinese numerals from {@code at} can be a sum: they have a scale (万, 千: a sum after a verb, or
     * before its loss), or a currency follows them ("三百多块", 两百英镑). Most are not: 一 begins 一直, 一个, 一下.
     */
    private static boolean mayBeHanSum(String s, int at) {
        int end = at;
        while (end < s.length() && HAN_NUMERALS.indexOf(s.charAt(end)) >= 0) {
            if (s.charAt(end) == '万' || s.charAt(end) == '千') return true;
            end++;
        }
        if (end < s.length() && "多余来".indexOf(s.charAt(end)) >= 0) end++;
        return end < s.length() && "元块英美欧港".indexOf(s.charAt(end)) >= 0;
    }

    /** Most complaints name no sum: skip the pattern when nothing in the text can be part of one. */
    private static boolean mayHaveMoney(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9' || c == '元' || c == '块' || c == '万' || c == '千') return true;
        }
        return false;
    }

    private static BigDecimal scaled(String number, String scale) {
        BigDecimal value = new BigDecimal(number.replace(",", ""));
        if (scale == null) return value;
        return switch (scale.toLowerCase(Locale.ROOT)) {
            case "万" -> value.multiply(BigDecimal.valueOf(10_000));
            case "千", "k", "thousand" -> value.multiply(BigDecimal.valueOf(1_000));
            case "million" -> value.multiply(BigDecimal.valueOf(1_000_000));
            default -> value;
        };
    }

    private static String currency(String written) {
        return switch (written.toLowerCase(Locale.ROOT)) {
            case "$", "us$", "usd", "dollar", "dollars", "bucks", "美元" -> "USD";
            case "hk$", "hkd", "港元", "港币" -> "HKD";
            case "€", "eur", "euro", "euros", "欧元" -> "EUR";
            case "£", "gbp", "pound", "pounds", "quid", "英镑" -> "GBP";
            default -> "CNY"; // ¥, rmb, cny, 元, 块, 块钱, 人民币, yuan
        };
    }

    private static BigDecimal afterVerb(String number) {
        char first = number.charAt(0);
        if (first >= '0' && first <= '9') {
            String digits = number.replace(" ", "");
            char last = digits.charAt(digits.length() - 1);
            if (last != '万' && last != '千') return scaled(digits, null);
            return scaled(digits.substring(0, digits.length() - 1), String.valueOf(last));
        }
        return BigDecimal.valueOf(chineseNumber(number));
    }

    /**
     * A Chinese numeral such as 两万, 三千五百, 十五; a digit right after 万 or 千 is the next place, as people say
     * it: 一万二 is 12000, 三千五 is 3500.
     */
    static long chineseNumber(String numeral) {
        long total = 0;
        long section = 0;
        long digit = 0;
        boolean previousWasDigit = false;
        for (char c : numeral.toCharArray()) {
            int d = "零一二三四五六七八九".indexOf(c);
            if (c == '〇') d = 0;
            if (c == '两') d = 2;
            if (d >= 0) {
                // "五六千" is five or six thousand: a range reads as its lower end.
                if (digit == 0 || !previousWasDigit) digit = d;
                previousWasDigit = true;
                continue;
            }
            previousWasDigit = false;
            switch (c) {
                case '十' -> section += (digit == 0 ? 1 : digit) * 10;
                case '百' -> section += digit * 100;
                case '千' -> section += digit * 1000;
                case '万' -> {
                    total += (section + digit) * 10_000;
                    section = 0;
                }
                default -> {
                    // not part of a numeral
                }
            }
            digit = 0;
        }
        if (digit > 0 && numeral.length() > 1) {
            // Colloquial: the last digit right after a unit counts in the next place down.
            char unit = numeral.charAt(numeral.length() - 2);
            if (unit == '万') return total + section + digit * 1000;
            if (unit == '千') return total + section + digit * 100;
            if (unit == '百') return total + section + digit * 10;
        }
        return total + section + digit;
    }
}
