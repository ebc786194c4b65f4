package io.firebreak.platform.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Chinese as Taiwan, Hong Kong and Macau write it, read as the word lists' Simplified Mandarin: Traditional characters
 * (漏電, 燒焦, 經理, 律師, 賠償 for 漏电, 烧焦, 经理, 律师, 赔偿) and the characters written Cantonese has of its own (你哋,
 * 冇, 唔, 咗, 搵 for 你们, 没, 不, 了, 找: "我要搵你哋經理" is "我要找你们经理"). One char for one char, so a match's offsets are
 * the text's and what is quoted is the text as written; in the complaint and in every phrase alike, so a phrase written
 * in either script finds the other. A character both scripts write with other meanings (著, 乾, 後) is read the one way
 * in both, as a Simplified writer writes it.
 *
 * <p>The table ({@code written-chinese.txt}: each character followed by the one it is read as) was drawn one character
 * at a time from ICU's Traditional-Simplified transliteration, characters that become more than one left as written;
 * Cantonese's own characters follow, each where Mandarin has one character for it.
 */
public final class WrittenChinese {

    private static final char[] READ_AS = load();

    private WrittenChinese() {}

    /** The character a Traditional or Cantonese one is read as; any other as it is. */
    static char simplified(char c) {
        return READ_AS[c];
    }

    /** Whether the text has a character this reads otherwise. */
    static boolean hasOtherForms(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (READ_AS[c] != c) return true;
        }
        return false;
    }

    /** The text with each Traditional or Cantonese character read as its Simplified Mandarin one, as long as it was. */
    public static String simplified(String text) {
        if (!hasOtherForms(text)) return text;
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) chars[i] = READ_AS[chars[i]];
        return new String(chars);
    }

    private static char[] load() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) table[c] = (char) c;
        try (InputStream in = WrittenChinese.class.getResourceAsStream("written-chinese.txt")) {
            if (in == null) throw new IllegalStateException("written-chinese.txt is missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String pairs = line.strip();
                if (pairs.isEmpty() || pairs.startsWith("#")) continue;
                if (pairs.length() % 2 != 0) throw new IllegalStateException("written-chinese.txt: odd line " + pairs);
                for (int i = 0; i < pairs.length(); i += 2) table[pairs.charAt(i)] = pairs.charAt(i + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return table;
    }
}
