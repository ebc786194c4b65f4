package io.firebreak.platform.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every occurrence of many strings in one pass over a text (Aho–Corasick): the time depends on the length of
 * the text and the number of matches, not on the number of phrases, which keeps a rule set of hundreds of phrases
 * in Chinese and English fast. Patterns and text are compared char for char (the caller folds case).
 */
final class AhoCorasick {

    /** Receives a match: which pattern, and where it ends (exclusive). */
    interface Matches {
        void found(int pattern, int end);
    }

    private static final int[] NONE = new int[0];

    private final int[] rootNext = new int[Character.MAX_VALUE + 1];
    private final char[][] keys;
    private final int[][] targets;
    private final int[] fail;
    private final int[][] outputs;

    AhoCorasick(List<String> patterns) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        children.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int p = 0; p < patterns.size(); p++) {
            int node = 0;
            for (char c : patterns.get(p).toCharArray()) {
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new HashMap<>());
                    out.add(new ArrayList<>());
                    children.get(node).put(c, next);
                }
                node = next;
            }
            if (node != 0) out.get(node).add(p);
        }
        int size = children.size();
        keys = new char[size][];
        targets = new int[size][];
        for (int n = 0; n < size; n++) {
            Character[] sorted = children.get(n).keySet().toArray(Character[]::new);
            Arrays.sort(sorted);
            keys[n] = new char[sorted.length];
            targets[n] = new int[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                keys[n][i] = sorted[i];
                targets[n][i] = children.get(n).get(sorted[i]);
            }
        }
        for (int i = 0; i < keys[0].length; i++) rootNext[keys[0][i]] = targets[0][i];
        fail = new int[size];
        outputs = new int[size][];
        outputs[0] = NONE;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int child : targets[0]) {
            fail[child] = 0;
            queue.add(child);
        }
        // Breadth first, so a node's failure target has its outputs complete before the node merges them.
        while (!queue.isEmpty()) {
            int node = queue.poll();
            List<Integer> merged = new ArrayList<>(out.get(node));
            for (int o : outputs[fail[node]]) merged.add(o);
            outputs[node] = merged.isEmpty()
                    ? NONE
                    : merged.stream().mapToInt(Integer::intValue).toArray();
            for (int i = 0; i < keys[node].length; i++) {
                int child = targets[node][i];
                int f = fail[node];
                int next = step(f, keys[node][i]);
                while (next < 0 && f != 0) {
                    f = fail[f];
                    next = step(f, keys[node][i]);
                }
                fail[child] = next < 0 || next == child ? 0 : next;
                queue.add(child);
            }
        }
    }

    void scan(char[] text, Matches matches) {
        int state = 0;
        for (int i = 0; i < text.length; i++) {
            char c = text[i];
            int next = step(state, c);
            while (next < 0 && state != 0) {
                state = fail[state];
                next = step(state, c);
            }
            state = next < 0 ? 0 : next;
            for (int pattern : outputs[state]) matches.found(pattern, i + 1);
        }
    }

    private int step(int node, char c) {
        if (node == 0) {
            int next = rootNext[c];
            return next == 0 ? -1 : next;
        }
        int at = Arrays.binarySearch(keys[node], c);
        return at < 0 ? -1 : targets[node][at];
    }
}
