package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The company's own words as a customer quotes them: what the box, the leaflet, the terms, the website, a chatbot or
 * the company's reply says, in quotation marks after the text that says it ("The leaflet says “Warning: risk of fire
 * if …”", "你们的回复写着“如对处理结果不满意，可拨打12315”"). A safety warning, a legal clause, "12315", "escalating" or
 * "compensation" written by the company says nothing of the customer's harm, threat or demand: a phrase inside such a
 * quotation is not counted (with its reason, as a negated one is). What the company's people said ("your engineer
 * said “…”", "你们经理说“…”") is not taken: a member of staff who names a hazard or a court may be telling the customer
 * of one.
 *
 * <p>A quotation is the company's when the clause before its opening mark names one of the company's texts (or
 * answers) with "your", "the", "this", "that" or "their" as the nearest determiner before it ("the confirmation
 * email", "your compensation policy"; not "an email" or "my letter"), after anything the customer says they said
 * ("I told them", "I wrote"); in Chinese, one of its texts not written after 我 (我的短信, 我发的邮件 are the customer's).
 * A clause that names someone outside the company (a doctor, the police, a neighbour, 医生, 消防) is theirs: "the doctor
 * read the label and said “…”".
 *
 * <p>And a reply's quoted earlier message — after "On 2 Dec, Support wrote:", "-----Original Message-----",
 * "…写道：", or a line opened with {@code >} — is the company's reply the customer answers: "Thanks, it works now" above
 * "> If the device overheats, stop using it … you may escalate to a manager" is not a hazard nor a demand. What the
 * customer quotes of their own ("On 1 Dec, I wrote:", "我写道：") counts.
 */
final class CompanyWords {

    private CompanyWords() {}

    /** A quotation of the company's words: its content from {@code start} to {@code end}, and what said it. */
    record Quote(int start, int end, String source) {}

    /** How far before its opening mark a quotation's source is looked for, within its clause. */
    private static final int WINDOW = 80;

    /** The company's texts and answers, in English: the words that name them. */
    private static final Set<String> TEXTS = Set.of(
            "box",
            "leaflet",
            "label",
            "packaging",
            "package",
            "manual",
            "instructions",
            "receipt",
            "terms",
            "contract",
            "policy",
            "warranty",
            "guarantee",
            "notice",
            "sign",
            "poster",
            "website",
            "site",
            "page",
            "app",
            "newsletter",
            "brochure",
            "catalogue",
            "catalog",
            "advert",
            "advertisement",
            "ad",
            "flyer",
            "announcement",
            "confirmation",
            "invoice",
            "bill",
            "chatbot",
            "bot",
            "template",
            "faq",
            "reply",
            "response",
            "answer",
            "email",
            "e-mail",
            "letter",
            "message",
            "text",
            "sms",
            "notification");

    /** A determiner that makes the text the company's, and one that makes it someone else's. */
    private static final Set<String> COMPANY_DETERMINERS = Set.of("your", "the", "this", "that", "their");

    private static final Set<String> OTHER_DETERMINERS = Set.of("my", "our", "an", "a", "his", "her", "mine");

    /** The customer as a speaker, and what they say they did with words. */
    private static final Set<String> I = Set.of("i", "i've", "i'd", "i'm", "i'll", "we", "we've", "we'd");

    private static final Set<String> SAID = Set.of(
            "said",
            "say",
            "told",
            "tell",
            "wrote",
            "write",
            "written",
            "asked",
            "ask",
            "replied",
            "reply",
            "answered",
            "explained",
            "sent",
            "emailed",
            "texted",
            "messaged",
            "put",
            "posted",
            "typed",
            "mentioned",
            "added",
            "complained");

    /**
     * Someone outside the company whose words about the case count whatever they read from: "the doctor looked at the
     * label and said “…”" is the doctor's.
     */
    private static final Set<String> OTHERS = Set.of(
            "doctor",
            "gp",
            "nurse",
            "paramedic",
            "paramedics",
            "police",
            "officer",
            "firefighter",
            "firefighters",
            "fireman",
            "vet",
            "pharmacist",
            "electrician",
            "plumber",
            "inspector",
            "neighbour",
            "neighbor",
            "solicitor",
            "lawyer");

    private static final List<String> HAN_OTHERS =
            List.of("医生", "护士", "警察", "民警", "消防", "药剂师", "电工", "水管工", "邻居", "律师", "检测机构", "鉴定");

    /** The company's texts and answers, in Chinese. */
    private static final List<String> HAN_TEXTS = List.of(
            "说明书", "包装", "标签", "合同", "条款", "规则", "规定", "政策", "保修", "告示", "公告", "通知", "官网", "网站", "页面", "海报", "广告", "宣传",
            "短信", "邮件", "回复", "答复", "机器人", "发票", "收据", "账单", "小票", "协议", "提示", "app");

    /** The customer saying something: 我说, 我跟…说, 我问, 我告诉, 我回复, 我写, 我留言, 我发. */
    private static final List<String> HAN_SAID =
            List.of("我说", "我跟", "我问", "我告诉", "我回复", "我回", "我写", "我讲", "我反映", "我留言", "我发");

    /**
     * Where the earlier message a reply quotes is named: "On 2 Dec, Support wrote:", "客服于12月2日写道：" (the full-width
     * colon is ':' in the text as read, its NFKC form).
     */
    private static final List<String> REPLY_HEADERS =
            List.of("wrote:", "写道:", "-----original message-----", "-----原始邮件-----");

    /** The source of a quoted earlier message: the company's reply the customer answers. */
    static final String EARLIER_REPLY = "the earlier reply quoted";

    /** Each quotation of the company's words in the text, in order. */
    static List<Quote> in(ScannedText text) {
        char[] f = text.folded();
        List<Quote> quotes = null;
        // A reply's quoted earlier message (after "… wrote:", or a line opened with '>') is not the customer's words
        // now: the customer answers it. Unless they wrote it ("I wrote:", "我写道："): their own words count.
        int[] replies = replyQuoted(f);
        int reply = replies[0];
        int quotedEnd = reply < 0 ? f.length : reply;
        int own = replies[1];
        int linesEnd = own < 0 ? quotedEnd : Math.min(quotedEnd, own);
        for (int line = 0; line < linesEnd; line = nextLine(f, line)) {
            int at = line;
            while (at < linesEnd && (f[at] == ' ' || f[at] == '\t')) at++;
            if (at < linesEnd && f[at] == '>') {
                if (quotes == null) quotes = new ArrayList<>(2);
                quotes.add(new Quote(at + 1, Math.min(nextLine(f, at), linesEnd), EARLIER_REPLY));
            }
        }
        if (reply >= 0) {
            if (quotes == null) quotes = new ArrayList<>(2);
            quotes.add(new Quote(reply, f.length, EARLIER_REPLY));
        }
        int i = 0;
        while (i < quotedEnd) {
            char close = closing(f[i]);
            if (close == 0) {
                i++;
                continue;
            }
            int end = ScannedText.indexOf(f, close, i + 1);
            if (end < 0 || end >= quotedEnd) break;
            String source = source(f, i);
            if (source != null) {
                if (quotes == null) quotes = new ArrayList<>(2);
                quotes.add(new Quote(i + 1, end, source));
            }
            i = end + 1;
        }
        return quotes == null ? List.of() : quotes;
    }

    /**
     * Where quoted earlier messages begin (after their reply headers): the first someone else wrote, and the first the
     * customer wrote ("I wrote:", "我写道："); -1 for none.
     */
    private static int[] replyQuoted(char[] f) {
        int[] first = {-1, -1};
        String text = null;
        for (String header : REPLY_HEADERS) {
            if (ScannedText.indexOf(f, header.charAt(header.length() - 1), 0) < 0)
                continue; // no ':' nor '-': no header
            if (text == null) text = new String(f);
            for (int at = text.indexOf(header); at >= 0; at = text.indexOf(header, at + 1)) {
                int lineStart = Math.max(text.lastIndexOf('\n', at) + 1, Math.max(0, at - WINDOW));
                String before = text.substring(lineStart, at).strip();
                int whose = before.endsWith(" i") || before.equals("i") || before.endsWith("我") ? 1 : 0;
                int after = at + header.length();
                if (first[whose] < 0 || after < first[whose]) first[whose] = after;
            }
        }
        return first;
    }

    private static int nextLine(char[] f, int from) {
        for (int i = from; i < f.length; i++) {
            if (f[i] == '\n') return i + 1;
        }
        return f.length;
    }

    private static char closing(char c) {
        return switch (c) {
            case '\u201c' -> '\u201d';
            case '\u300c' -> '\u300d';
            case '\u300e' -> '\u300f';
            case '"' -> '"';
            default -> 0;
        };
    }

    /**
     * What said the quotation opening at {@code open} (in lower case: "the leaflet", "回复"), if it is one of the
     * company's texts; else null.
     */
    private static String source(char[] f, int open) {
        int last = open - 1;
        while (last >= 0
                && (Character.isWhitespace(f[last])
                        || f[last] == ':'
                        || f[last] == '\uff1a'
                        || f[last] == '('
                        || f[last] == '\uff08')) {
            last--;
        }
        if (last < 0) return null;
        int first = last;
        while (first > 0 && open - first < WINDOW && !isBoundary(f[first - 1])) first--;
        String window = new String(f, first, last - first + 1);
        String found = english(window);
        if (found == null) found = chinese(window);
        return found;
    }

    private static boolean isBoundary(char c) {
        return ScannedText.isSentenceEnd(c)
                || c == ','
                || c == ';'
                || c == ':'
                || c == '\uff0c'
                || c == '\uff1b'
                || c == '\uff1a'
                || c == '!'
                || c == '\uff01'
                || c == '?'
                || c == '\uff1f'
                || closing(c) != 0
                || c == '\u201d'
                || c == '\u300d'
                || c == '\u300f';
    }

    /** The first of the company's texts named in the clause after anything the customer says they said. */
    private static String english(String window) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= window.length(); i++) {
            char c = i < window.length() ? window.charAt(i) : ' ';
            boolean part = Character.isLetter(c) || c == '\'' || c == '-' && start >= 0;
            if (part && start < 0) start = i;
            if (!part && start >= 0) {
                words.add(window.substring(start, i));
                start = -1;
            }
        }
        String source = null;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (OTHERS.contains(word)) return null;
            if (I.contains(word) && saysSomething(words, w)) {
                source = null;
            } else if (source == null
                    && (TEXTS.contains(word)
                            || word.endsWith("s") && TEXTS.contains(word.substring(0, word.length() - 1)))) {
                // The first of the company's texts named is the one that says it: "the leaflet in the box says".
                String determiner = nearestDeterminer(words, w);
                if (determiner != null && COMPANY_DETERMINERS.contains(determiner)) source = determiner + " " + word;
            }
        }
        return source;
    }

    /** Whether the customer says they said something: "I said", "I've told", "we wrote", "I then asked". */
    private static boolean saysSomething(List<String> words, int i) {
        for (int w = i + 1; w <= i + 2 && w < words.size(); w++) {
            if (SAID.contains(words.get(w))) return true;
        }
        return false;
    }

    private static String nearestDeterminer(List<String> words, int noun) {
        for (int w = noun - 1; w >= Math.max(0, noun - 3); w--) {
            String word = words.get(w);
            if (COMPANY_DETERMINERS.contains(word) || OTHER_DETERMINERS.contains(word)) return word;
        }
        return null;
    }

    /** The last of the company's texts in a Chinese clause, not the customer's own (我的短信) nor after 我说. */
    private static String chinese(String window) {
        for (String other : HAN_OTHERS) {
            if (window.contains(other)) return null;
        }
        int said = -1;
        for (String s : HAN_SAID) said = Math.max(said, window.lastIndexOf(s));
        String source = null;
        int at = -1;
        for (String t : HAN_TEXTS) {
            int i = window.lastIndexOf(t);
            if (i > at && i > said) {
                at = i;
                source = t;
            }
        }
        if (source == null) return null;
        int mine = window.lastIndexOf('我', at);
        boolean ours = mine >= 0 && at - mine <= 3 && (mine + 1 >= window.length() || window.charAt(mine + 1) != '们');
        return ours ? null : source;
    }
}
