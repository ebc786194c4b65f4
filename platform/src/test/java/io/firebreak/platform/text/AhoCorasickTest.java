package io.firebreak.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AhoCorasickTest {

    @Test
    void findsEveryOccurrenceOfEveryPatternAsASearchAtEachPositionWould() {
        // Few letters, so that patterns share prefixes and suffixes and overlap in the text: failure links and the
        // outputs they inherit are what this exercises. Chinese characters and a char past them in the mix; in the
        // later rounds more letters, so that nodes have more children than are looked through in turn.
        char[] few = {'a', 'b', 'c', '电', '话', '\uff01'};
        char[] many = "abcdefghijklmnop电话费\uff01".toCharArray();
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            char[] alphabet = round < 200 ? few : many;
            List<String> patterns = new ArrayList<>();
            int count = 1 + random.nextInt(round < 100 ? 6 : round < 200 ? 60 : 300);
            for (int p = 0; p < count; p++)
                patterns.add(word(random, alphabet, 1 + random.nextInt(alphabet == few ? 5 : 3)));
            String text = word(random, alphabet, random.nextInt(round < 200 ? 80 : 400));

            Set<List<Integer>> found = new HashSet<>();
            new AhoCorasick(patterns).scan(text.toCharArray(), (pattern, end) -> found.add(List.of(pattern, end)));

            Set<List<Integer>> expected = new HashSet<>();
            for (int p = 0; p < patterns.size(); p++) {
                for (int at = text.indexOf(patterns.get(p)); at >= 0; at = text.indexOf(patterns.get(p), at + 1)) {
                    expected.add(List.of(p, at + patterns.get(p).length()));
                }
            }
            assertThat(found).as("%s in %s", patterns, text).isEqualTo(expected);
        }
    }

    @Test
    void aNodeWithManyChildrenIsSteppedThroughAsOneWithFew() {
        // More children than are looked through in turn: the root's are in a table, a deeper node's are searched.
        List<String> patterns = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) patterns.add("x" + c);
        patterns.add("xzz");
        List<List<Integer>> found = new ArrayList<>();
        new AhoCorasick(patterns)
                .scan("xa xq xzz xy".toCharArray(), (pattern, end) -> found.add(List.of(pattern, end)));

        assertThat(found)
                .containsExactly(List.of(0, 2), List.of(16, 5), List.of(25, 8), List.of(26, 9), List.of(24, 12));
    }

    private static String word(Random random, char[] alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) s.append(alphabet[random.nextInt(alphabet.length)]);
        return s.toString();
    }
}
