package io.firebreak.platform.text;

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

    /** Children of a node at most this many are looked through in turn; more, in a hash table ({@code wideKeys}). */
    private static final int LINEAR = 8;

    /** The root's child for each char (0: none), so the commonest step is one array read. */
    private final int[] rootNext = new int[Character.MAX_VALUE + 1];
    /**
     * Every node's children in one pair of arrays, node by node and sorted by char within a node: those of node
     * {@code n} stand at [{@code childFrom[n]}, {@code childFrom[n + 1]}). One array of each kind rather than one per
     * node: a step reads neighbouring memory instead of following a reference per node to an array of its own, which
     * in an automaton of tens of thousands of nodes is a cache miss per character.
     */
    private final int[] childFrom;

    private final char[] childKey;
    private final int[] childTarget;
    /**
     * The children of nodes with more than {@value #LINEAR}, by node and char, in an open-addressed table: a
     * binary search over a hundred children is seven dependent steps, the table one or two reads.
     */
    private final long[] wideKeys;

    private final int[] wideTargets;
    private final int wideMask;
    private final int[] fail;
    /** The patterns ending at node {@code n}, its own and its failure chain's: [{@code outFrom[n]}, {@code outFrom[n + 1]}). */
    private final int[] outFrom;

    private final int[] out;

    AhoCorasick(List<String> patterns) {
        List<Map<Character, Integer>> children = new ArrayList<>();
        List<List<Integer>> own = new ArrayList<>();
        children.add(new HashMap<>());
        own.add(new ArrayList<>());
        for (int p = 0; p < patterns.size(); p++) {
            int node = 0;
            for (char c : patterns.get(p).toCharArray()) {
                Integer next = children.get(node).get(c);
                if (next == null) {
                    next = children.size();
                    children.add(new HashMap<>());
                    own.add(new ArrayList<>());
                    children.get(node).put(c, next);
                }
                node = next;
            }
            if (node != 0) own.get(node).add(p);
        }
        int size = children.size();
        childFrom = new int[size + 1];
        for (int n = 0; n < size; n++)
            childFrom[n + 1] = childFrom[n] + children.get(n).size();
        childKey = new char[childFrom[size]];
        childTarget = new int[childFrom[size]];
        for (int n = 0; n < size; n++) {
            Character[] sorted = children.get(n).keySet().toArray(Character[]::new);
            Arrays.sort(sorted);
            for (int i = 0; i < sorted.length; i++) {
                childKey[childFrom[n] + i] = sorted[i];
                childTarget[childFrom[n] + i] = children.get(n).get(sorted[i]);
            }
        }
        for (int i = childFrom[0]; i < childFrom[1]; i++) rootNext[childKey[i]] = childTarget[i];
        int wide = 0;
        for (int n = 1; n < size; n++) {
            if (childFrom[n + 1] - childFrom[n] > LINEAR) wide += childFrom[n + 1] - childFrom[n];
        }
        int slots = Integer.highestOneBit(Math.max(1, wide) * 2) * 2;
        wideKeys = new long[slots];
        wideTargets = new int[slots];
        wideMask = slots - 1;
        for (int n = 1; n < size; n++) {
            if (childFrom[n + 1] - childFrom[n] <= LINEAR) continue;
            for (int i = childFrom[n]; i < childFrom[n + 1]; i++) {
                long key = edge(n, childKey[i]);
                int slot = slot(key);
                while (wideKeys[slot] != 0) slot = (slot + 1) & wideMask;
                wideKeys[slot] = key;
                wideTargets[slot] = childTarget[i];
            }
        }
        fail = new int[size];
        int[][] outputs = new int[size][];
        outputs[0] = new int[0];
        // Breadth first, so a node's failure target has its outputs complete before the node merges them.
        int[] queue = new int[size];
        int head = 0;
        int tail = 0;
        for (int i = childFrom[0]; i < childFrom[1]; i++) queue[tail++] = childTarget[i];
        while (head < tail) {
            int node = queue[head++];
            List<Integer> merged = new ArrayList<>(own.get(node));
            for (int o : outputs[fail[node]]) merged.add(o);
            outputs[node] = merged.stream().mapToInt(Integer::intValue).toArray();
            for (int i = childFrom[node]; i < childFrom[node + 1]; i++) {
                int child = childTarget[i];
                int f = fail[node];
                int next = step(f, childKey[i]);
                while (next < 0 && f != 0) {
                    f = fail[f];
                    next = step(f, childKey[i]);
                }
                fail[child] = next < 0 || next == child ? 0 : next;
                queue[tail++] = child;
            }
        }
        outFrom = new int[size + 1];
        for (int n = 0; n < size; n++) outFrom[n + 1] = outFrom[n] + outputs[n].length;
        out = new int[outFrom[size]];
        for (int n = 0; n < size; n++) System.arraycopy(outputs[n], 0, out, outFrom[n], outputs[n].length);
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
            for (int o = outFrom[state], end = outFrom[state + 1]; o < end; o++) matches.found(out[o], i + 1);
        }
    }

    private int step(int node, char c) {
        if (node == 0) {
            int next = rootNext[c];
            return next == 0 ? -1 : next;
        }
        int from = childFrom[node];
        int to = childFrom[node + 1];
        if (to - from <= LINEAR) {
            for (int i = from; i < to; i++) {
                char key = childKey[i];
                if (key == c) return childTarget[i];
                if (key > c) return -1;
            }
            return -1;
        }
        long key = edge(node, c);
        for (int slot = slot(key); ; slot = (slot + 1) & wideMask) {
            long k = wideKeys[slot];
            if (k == key) return wideTargets[slot];
            if (k == 0) return -1;
        }
    }

    /** A wide node's edge as a key of the table, never 0 (an empty slot). */
    private static long edge(int node, char c) {
        return ((long) node << 16 | c) + 1;
    }

    private int slot(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & wideMask;
    }
}
