package io.firebreak.platform.text;

import java.util.List;

/**
 * The words with which an agent opens a note of what the customer said ("Customer says", "Cx reports that",
 * "Caller states", "客户称", "客户来电反映"): they say who is speaking, not what happened. A reader that compares texts
 * by their meaning as a whole (the semantic reader) reads the rest, so that two agents' notes about different things
 * are not alike for their shared opening, nor a note unlike the customer's own words for it; and the rules do not
 * read the agent's "says" as a party's ("says … my bank": the bank says one thing, the customer another). Only an
 * opening is taken, and only when something follows it; "Customer wants …" and "客户要求…" say what the customer wants
 * and stay.
 */
public final class ReportingFrame {

    private ReportingFrame() {}

    /** Who the note is about, as agents name the customer. */
    private static final List<String> WHO = List.of(
            "the customer",
            "customer",
            "the caller",
            "caller",
            "the client",
            "client",
            "cx",
            "cust",
            "the member",
            "member");

    /** How they say the customer told them. */
    private static final List<String> SAYS = List.of(
            "says",
            "said",
            "states",
            "stated",
            "reports",
            "reported",
            "advises",
            "advised",
            "claims",
            "claimed",
            "explains",
            "explained",
            "mentions",
            "mentioned",
            "tells us",
            "told us",
            "informs us",
            "informed us",
            "called to say",
            "rang to say",
            "called to report",
            "rang to report",
            "phoned to say",
            "writes",
            "wrote",
            "has called to say",
            "has reported",
            "has advised",
            "has said",
            "is saying");

    /** Chinese openings: who, then how they said it. */
    private static final List<String> HAN_WHO = List.of("客户", "顾客", "用户", "来电人");

    private static final List<String> HAN_VIA = List.of("来电", "致电", "电话", "在电话中", "");

    private static final List<String> HAN_SAYS = List.of("称", "表示", "反映", "反馈", "说", "提到", "讲");

    /** The text without an agent's opening, or the text as it is when it has none. */
    public static String without(String text) {
        if (text == null) return null;
        int end = openingEnd(text);
        return end == 0 ? text : text.substring(end);
    }

    /**
     * Where what the customer said begins: after an agent's opening and the punctuation or spaces after it, or 0
     * when the text has no opening (or nothing after it).
     */
    public static int openingEnd(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) start++;
        int end = start < text.length() && ScannedText.isHan(text.charAt(start))
                ? hanOpening(text, start)
                : latinOpening(text, start);
        if (end <= start) return 0;
        while (end < text.length()
                && (Character.isWhitespace(text.charAt(end)) || "，,：:".indexOf(text.charAt(end)) >= 0)) {
            end++;
        }
        return end < text.length() ? end : 0;
    }

    private static int latinOpening(String text, int from) {
        for (String who : WHO) {
            if (!startsWithWord(text, from, who)) continue;
            int at = skipSpaces(text, from + who.length());
            for (String says : SAYS) {
                if (!startsWithWord(text, at, says)) continue;
                int end = skipSpaces(text, at + says.length());
                return startsWithWord(text, end, "that") ? end + "that".length() : end;
            }
        }
        return from;
    }

    private static int hanOpening(String text, int from) {
        for (String who : HAN_WHO) {
            if (!text.startsWith(who, from)) continue;
            int after = from + who.length();
            for (String via : HAN_VIA) {
                int at = after;
                if (!text.startsWith(via, at)) continue;
                at += via.length();
                if (!via.isEmpty() && at < text.length() && "，,".indexOf(text.charAt(at)) >= 0) at++;
                for (String says : HAN_SAYS) {
                    if (text.startsWith(says, at)) return at + says.length();
                }
            }
        }
        return from;
    }

    private static boolean startsWithWord(String text, int at, String word) {
        if (!text.regionMatches(true, at, word, 0, word.length())) return false;
        int end = at + word.length();
        return end >= text.length() || !ScannedText.isWordChar(text.charAt(end));
    }

    private static int skipSpaces(String text, int at) {
        while (at < text.length() && text.charAt(at) == ' ') at++;
        return at;
    }
}
