package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of an e-mail or a ticket that are not what the customer says about the complaint: the header fields a
 * mail program or a ticketing system writes ("From:", "Sent:", "Priority: Urgent", "Escalation level: 0", "优先级：紧急",
 * "提交人："), and the signature under the message — after a {@code --} line or a sign-off on a line of its own ("Kind
 * regards,", "此致"): a name, a job title ("Senior Counsel", "合伙人律师"), a company, "Sent from my iPhone", and a legal
 * disclaimer wherever it stands ("may be legally privileged", "可能承担法律责任"). A lawyer who signs a request for
 * another cartridge threatens nothing, and "Escalation level: 0" asks for nobody: a phrase in one of these parts is not
 * counted (with its reason, as a negated one is). A subject line is the customer's and counts, as does a ticket's status
 * ("Status: Reopened by requester").
 *
 * <p>Both are bounded so that the customer's own words are not lost in them: a header field's value runs to the next
 * {@code |} or the end of its line, at most {@value #FIELD_VALUE} characters, and a field on the text's last line is
 * one only when a {@code |} ends it ("To: whom it may concern, the charger exploded" is a sentence); a signature runs
 * over short lines only, and ends at a "P.S.", a sentence ("My solicitor will call you"), a long line, a quoted or
 * forwarded message, or after {@value #SIGNATURE_LINES} lines; and a header field counts as one only in a header (a
 * line of several fields, or beside another header line): "Date: 3 Dec, the heater caught fire" among sentences is
 * the customer's.
 *
 * <p>A call written down with its speakers ("Agent: …" and "Customer: …", "坐席：…" and "客户：…", a time or a label in
 * brackets before them) is read as a call, not as a mail: what the agent says — the recording notice's "legal
 * purposes", "I can escalate that for you", "我帮您升级处理" — is not the customer's, from the agent's label to the next
 * speaker's. It is a call only when both an agent and the customer speak in it, so that a customer who opens a line
 * with "客服：" addressing the company keeps every word.
 */
final class MessageParts {

    private MessageParts() {}

    /** A part from {@code start} to {@code end} that is not the customer's words, and what it is. */
    record Part(int start, int end, String what) {}

    static final String HEADER = "a message header";
    static final String SIGNATURE = "the signature";
    static final String DISCLAIMER = "the signature's disclaimer";
    static final String AGENT = "the agent's words";

    /** The longest value a header field holds. */
    private static final int FIELD_VALUE = 80;

    /** The longest line a signature holds (a name, a job title, a company, an address). */
    private static final int SIGNATURE_LINE = 80;

    /** The longest last line signed after dashes ("—— 行政助理 小周"). */
    private static final int SIGNED_NAME = 24;

    /** The most lines, blank ones aside, a signature runs over. */
    private static final int SIGNATURE_LINES = 6;

    /**
     * The fields of a mail's or a ticket's header, in lower case, that say nothing of the complaint. Not the subject
     * (the customer wrote it), the status (a reopened ticket is one) nor the category (the customer chose it).
     */
    private static final List<String> FIELDS = List.of(
            "from",
            "to",
            "cc",
            "bcc",
            "date",
            "sent",
            "reply-to",
            "priority",
            "severity",
            "urgency",
            "escalation level",
            "escalation",
            "channel",
            "source",
            "requester",
            "requested by",
            "assignee",
            "assigned to",
            "group",
            "发件人",
            "收件人",
            "抄送",
            "日期",
            "时间",
            "发送时间",
            "优先级",
            "紧急程度",
            "升级级别",
            "渠道",
            "来源",
            "提交人",
            "处理人",
            "受理人");

    /**
     * Sign-offs on a line of their own, in lower case: the signature follows. An English one only with its comma
     * ("Thanks," over a name; not "Thanks" over a sentence); a Chinese one as it stands.
     */
    private static final List<String> SIGN_OFFS = List.of(
            "kind regards",
            "best regards",
            "warm regards",
            "warmest regards",
            "regards",
            "best",
            "best wishes",
            "many thanks",
            "thanks",
            "thank you",
            "thanks again",
            "cheers",
            "sincerely",
            "yours sincerely",
            "yours faithfully",
            "yours truly",
            "respectfully",
            "此致",
            "此致敬礼",
            "此致 敬礼",
            "祝好",
            "顺祝商祺",
            "顺颂商祺",
            "顺颂时祺");

    /** Header lines the customer's words are in, which count, beside the fields: they keep a header a header. */
    private static final List<String> HEADER_LINES =
            List.of("subject:", "status:", "category:", "type:", "主题:", "状态:", "分类:", "类型:", "工单号");

    /** Lines a mail program adds under a message. */
    private static final List<String> SENT_FROM = List.of("sent from my", "get outlook for", "发自我的", "来自我的");

    /** How a line that says something opens (not a name, a title or a company): it ends a signature. */
    private static final List<String> SPEAKING = List.of(
            "i ", "i'", "my ", "we ", "we'", "our ", "you ", "you'", "your ", "please ", "it ", "it'", "this ", "我",
            "你", "请", "这", "已");

    /** The company's side of a call, as a transcript names its speaker (lower case, before a colon). */
    private static final List<String> AGENTS = List.of(
            "agent",
            "advisor",
            "adviser",
            "rep",
            "representative",
            "operator",
            "support",
            "staff",
            "坐席",
            "客服",
            "话务员",
            "接线员",
            "工作人员");

    /** The customer's side of a call. */
    private static final List<String> CUSTOMERS =
            List.of("customer", "caller", "client", "客户", "来电人", "来电者", "顾客", "用户");

    private static final int AGENT_SPEAKS = 1;
    private static final int CUSTOMER_SPEAKS = 2;

    /** How a legal disclaimer under a message opens. */
    private static final List<String> DISCLAIMERS = List.of(
            "confidentiality notice",
            "confidential notice",
            "disclaimer",
            "免责声明",
            "【免责声明】",
            "this e-mail and any",
            "this email and any",
            "this message and any",
            "this message is intended",
            "this e-mail is intended",
            "this email is intended",
            "本邮件及其附件",
            "本邮件仅",
            "此邮件仅",
            "本邮件可能");

    /** Each part of the text that is not the customer's words, in order. */
    static List<Part> in(ScannedText text) {
        char[] f = text.folded();
        if (ScannedText.indexOf(f, '\n', 0) < 0 && ScannedText.indexOf(f, '|', 0) < 0) return List.of();
        List<int[]> lines = lines(f);
        List<Part> turns = agentTurns(f, lines);
        if (turns != null) return turns;
        List<Part> parts = new ArrayList<>(2);
        int signatureLines = -1; // lines of a signature still to come; -1: none under way
        for (int n = 0; n < lines.size(); n++) {
            int from = lines.get(n)[0];
            int to = lines.get(n)[1];
            boolean last = n == lines.size() - 1;
            if (signatureLines >= 0) {
                if (from == to) {
                    // a blank line within a signature
                } else if (endsSignature(f, from, to) || signatureLines == 0) {
                    signatureLines = -1;
                } else {
                    parts.add(new Part(from, to, SIGNATURE));
                    signatureLines--;
                }
            }
            if (signatureLines < 0 && from < to) {
                if (startsWithAny(f, from, to, DISCLAIMERS)) {
                    parts.add(new Part(from, to, DISCLAIMER));
                } else if (startsWithAny(f, from, to, SENT_FROM)) {
                    parts.add(new Part(from, to, SIGNATURE));
                } else if (isSignOff(f, from, to) || dashes(f, from, to) == to) {
                    signatureLines = SIGNATURE_LINES;
                } else if (last && dashes(f, from, to) > from && to - from <= SIGNED_NAME) {
                    parts.add(new Part(from, to, SIGNATURE)); // "—— 行政助理 小周": a name signed after dashes, last
                } else {
                    List<Part> found = fields(f, from, to, last);
                    // A field alone among sentences ("Date: 3 Dec, the heater caught fire") is the customer's.
                    if (!found.isEmpty()
                            && (found.size() > 1 || inHeader(f, lines, n - 1, -1) || inHeader(f, lines, n + 1, 1))) {
                        parts.addAll(found);
                    }
                }
            }
        }
        return parts;
    }

    /**
     * The agent's turns of a call written down with its speakers, each from its label to the next speaker's (a turn
     * may run over several lines); null when the text is not such a call.
     */
    private static List<Part> agentTurns(char[] f, List<int[]> lines) {
        int[] speakers = new int[lines.size()];
        int heard = 0;
        for (int n = 0; n < lines.size(); n++) {
            speakers[n] = speaker(f, lines.get(n)[0], lines.get(n)[1]);
            heard |= speakers[n];
        }
        if (heard != (AGENT_SPEAKS | CUSTOMER_SPEAKS)) return null;
        List<Part> turns = new ArrayList<>();
        int speaking = 0;
        for (int n = 0; n < lines.size(); n++) {
            if (speakers[n] != 0) speaking = speakers[n];
            int from = lines.get(n)[0];
            int to = lines.get(n)[1];
            if (speaking == AGENT_SPEAKS && from < to) turns.add(new Part(from, to, AGENT));
        }
        return turns;
    }

    /** Who speaks on a line that opens with a speaker's label ("Agent:", "[00:12] Customer:", "坐席："); 0: nobody. */
    private static int speaker(char[] f, int from, int to) {
        int at = from;
        if (at < to && (f[at] == '[' || f[at] == '【')) {
            int close = ScannedText.indexOf(f, f[at] == '[' ? ']' : '】', at + 1);
            if (close < 0 || close >= to) return 0;
            at = skipSpaces(f, close + 1, to);
        }
        if (labelled(f, at, to, AGENTS)) return AGENT_SPEAKS;
        if (labelled(f, at, to, CUSTOMERS)) return CUSTOMER_SPEAKS;
        return 0;
    }

    private static boolean labelled(char[] f, int at, int to, List<String> names) {
        for (String name : names) {
            if (!startsWith(f, at, to, name)) continue;
            int colon = skipSpaces(f, at + name.length(), to);
            if (colon < to && f[colon] == ':') return true;
        }
        return false;
    }

    /** Each line's start and end (without its spaces at either end). */
    private static List<int[]> lines(char[] f) {
        List<int[]> lines = new ArrayList<>();
        for (int line = 0; line <= f.length; ) {
            int end = ScannedText.indexOf(f, '\n', line);
            if (end < 0) end = f.length;
            int from = skipSpaces(f, line, end);
            lines.add(new int[] {from, trimEnd(f, from, end)});
            line = end + 1;
        }
        return lines;
    }

    /**
     * Whether the nearest line that is not blank from line {@code n} on, going by {@code step}, belongs to a header:
     * a field, a subject, a status or a category line, a separator ("-----Original Message-----"), a ticket's label.
     */
    private static boolean inHeader(char[] f, List<int[]> lines, int n, int step) {
        for (int i = n; i >= 0 && i < lines.size(); i += step) {
            int from = lines.get(i)[0];
            int to = lines.get(i)[1];
            if (from == to) continue;
            if (!fields(f, from, to, false).isEmpty() || startsWithAny(f, from, to, HEADER_LINES)) return true;
            int run = from;
            while (run < to && isDash(f[run])) run++;
            return run - from >= 4 || f[from] == '[' || f[from] == '【';
        }
        return false;
    }

    /**
     * The header fields on one line: each where the line starts (after a "[Ticket #1]" or "【工单号】" label) or after a
     * {@code |}, its value to the next {@code |} or the line's end.
     */
    private static List<Part> fields(char[] f, int from, int to, boolean lastLine) {
        List<Part> found = new ArrayList<>(1);
        int at = from;
        if (f[at] == '[' || f[at] == '【') {
            int close = ScannedText.indexOf(f, f[at] == '[' ? ']' : '】', at + 1);
            if (close < 0 || close >= to) return found;
            at = skipSpaces(f, close + 1, to);
        }
        while (at < to) {
            int bar = ScannedText.indexOf(f, '|', at);
            int valueEnd = bar < 0 || bar >= to ? to : bar;
            int colon = fieldColon(f, at, valueEnd);
            if (colon < 0) return found;
            int value = skipSpaces(f, colon + 1, valueEnd);
            if (trimEnd(f, value, valueEnd) - value > FIELD_VALUE) return found;
            if (lastLine && valueEnd == to) return found;
            found.add(new Part(at, trimEnd(f, at, valueEnd), HEADER));
            if (valueEnd == to) return found;
            at = skipSpaces(f, valueEnd + 1, to);
        }
        return found;
    }

    /** Where the colon after a field's name at {@code at} stands, or -1 when no field's name is there. */
    private static int fieldColon(char[] f, int at, int limit) {
        for (String field : FIELDS) {
            if (!startsWith(f, at, limit, field)) continue;
            int colon = skipSpaces(f, at + field.length(), limit);
            if (colon < limit && f[colon] == ':') return colon;
        }
        return -1;
    }

    private static boolean isSignOff(char[] f, int from, int to) {
        boolean comma = f[to - 1] == ',' || f[to - 1] == '，';
        int end = comma ? to - 1 : to;
        if (end - from > 20) return false;
        for (String signOff : SIGN_OFFS) {
            if (signOff.length() == end - from
                    && startsWith(f, from, end, signOff)
                    && (comma || ScannedText.isHan(signOff.charAt(0)))) {
                return true;
            }
        }
        return false;
    }

    /** Where a run of two or three dashes opening the line ends ("--", "——"), followed by a space or the end; else from. */
    private static int dashes(char[] f, int from, int to) {
        int at = from;
        while (at < to && isDash(f[at])) at++;
        int run = at - from;
        if (run < 2 || run > 3) return from;
        return at == to || f[at] == ' ' ? at : from;
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '—' || c == '–' || c == '_';
    }

    /**
     * A line that ends a signature: a postscript, a long line, a sentence (a question or an exclamation, or four words
     * and more to a full stop), or where a quoted or forwarded message begins.
     */
    private static boolean endsSignature(char[] f, int from, int to) {
        if (startsWithAny(f, from, to, DISCLAIMERS)) return false;
        if (to - from > SIGNATURE_LINE || isSentence(f, from, to) || startsWithAny(f, from, to, SPEAKING)) return true;
        if (f[from] == '>' || startsWith(f, from, to, "p.s") || startsWith(f, from, to, "ps:")) return true;
        int run = from;
        while (run < to && isDash(f[run])) run++;
        if (run - from >= 4) return true; // "-----Original Message-----", "---------- Forwarded message"
        String line = new String(f, from, to - from);
        return line.contains("wrote:") || line.contains("写道:") || line.contains("转发");
    }

    private static boolean isSentence(char[] f, int from, int to) {
        int words = 1;
        for (int i = from; i < to; i++) {
            char c = f[i];
            if (c == '!' || c == '?' || c == '。' || c == '！' || c == '？') return true;
            if (c == ' ') words++;
        }
        return f[to - 1] == '.' && words >= 4;
    }

    private static boolean startsWithAny(char[] f, int from, int to, List<String> openings) {
        for (String opening : openings) {
            if (startsWith(f, from, to, opening)) return true;
        }
        return false;
    }

    private static boolean startsWith(char[] f, int at, int limit, String prefix) {
        if (limit - at < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) {
            if (f[at + i] != prefix.charAt(i)) return false;
        }
        return true;
    }

    private static int skipSpaces(char[] f, int from, int to) {
        int at = from;
        while (at < to && (f[at] == ' ' || f[at] == '\t' || f[at] == '\r')) at++;
        return at;
    }

    private static int trimEnd(char[] f, int from, int to) {
        int end = to;
        while (end > from && (f[end - 1] == ' ' || f[end - 1] == '\t' || f[end - 1] == '\r')) end--;
        return end;
    }
}
