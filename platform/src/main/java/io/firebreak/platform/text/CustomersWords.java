package io.firebreak.platform.text;

import java.util.List;

/**
 * The customer's own words of a text, for a reader that takes a text whole rather than phrase by phrase (the semantic
 * reader compares a complaint's beginning with labelled ones): the text without the parts of a mail, a ticket or a
 * call that are not the customer's ({@link MessageParts}: header fields, the signature and its disclaimer, the agent's
 * turns). What is left keeps its lines; the text is given back as it is when it has no such part.
 */
public final class CustomersWords {

    private CustomersWords() {}

    public static String of(String text) {
        if (text == null || text.isEmpty()) return text;
        ScannedText scanned = ScannedText.of(text);
        List<MessageParts.Part> parts = MessageParts.in(scanned);
        if (parts.isEmpty()) return text;
        String normalized = scanned.text();
        StringBuilder words = new StringBuilder(normalized.length());
        int from = 0;
        for (MessageParts.Part part : parts) {
            if (part.start() > from) words.append(normalized, from, part.start());
            from = Math.max(from, part.end());
        }
        if (from < normalized.length()) words.append(normalized, from, normalized.length());
        // The lines a part took leave blank ones behind: one line break between what is left.
        return words.toString().replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
