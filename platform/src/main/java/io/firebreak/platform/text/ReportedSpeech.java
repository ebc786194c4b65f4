package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A phrase in the customer's own words as an agent reports them. Agents enter most complaints, and they write about
 * the customer in the third person: "every time I call" is "every time she calls", "my third call" is "his third
 * call", "the customer's third call" or "Cx's third call", "我打了三次电话" is "客户打了三次电话", "我母亲" is "其母亲".
 * A phrase written in the first person is found in either voice: its first-person words are replaced, one speaker
 * at a time (she/her, he/his/him, the customer, the caller, the client, Cx, Cust; 客户, 其, 顾客, 用户, and 她的, 他的 for
 * 我的), and a verb
 * after "I" agrees ("I have" → "she has", "I call" → "she calls"; a past form stays as it is).
 *
 * <p>"We" and 我们 are left alone (in an agent's note they are the company), and so are a phrase's first-person words
 * when nothing else is written with them ("me" alone would find every "her").
 */
final class ReportedSpeech {

    private ReportedSpeech() {}

    /**
     * One way of naming the customer: as the subject, the possessive ("her"), the object and the possessive standing
     * alone ("hers"). "Myself" is "herself" or "himself" whoever is named.
     */
    private record Speaker(String subject, String possessive, String object, String hers) {

        /** A name that is a noun: "the customer", "the customer's", "the customer", "the customer's". */
        Speaker(String noun) {
            this(noun, noun + "'s", noun, noun + "'s");
        }
    }

    private static final List<Speaker> SPEAKERS = List.of(
            new Speaker("she", "her", "her", "hers"),
            new Speaker("he", "his", "him", "his"),
            new Speaker("the customer"),
            new Speaker("customer"),
            new Speaker("the caller"),
            new Speaker("caller"),
            new Speaker("the client"),
            new Speaker("cx"),
            new Speaker("cust"));

    private static final List<String> REFLEXIVE = List.of("herself", "himself");

    /** How the customer is named in a Chinese agent's note, for 我 (其 is "his"/"her" and, in notes, "he"/"she"). */
    private static final List<String> HAN_SPEAKERS = List.of("客户", "其", "顾客", "用户");

    /**
     * 她 and 他 stand for 我 only in 我的 (签名不是她的): as a subject or an object they as often name someone else in the
     * customer's own words (师傅说他没时间, 不能怪他), where 说我没 or 怪我 would take them for the customer.
     */
    private static final List<String> HAN_POSSESSIVE_ONLY = List.of("她", "他");

    /** What follows 我 when it is not the customer alone: 我们 (we), 我司 and 我方 (the company), 我行 (the bank). */
    private static final String HAN_NOT_ALONE = "们司方行";

    /** Verbs after "I" whose third person is another word. */
    private static final Map<String, List<String>> AGREES = Map.ofEntries(
            Map.entry("am", List.of("is")),
            Map.entry("have", List.of("has")),
            Map.entry("haven't", List.of("hasn't")),
            Map.entry("do", List.of("does")),
            Map.entry("don't", List.of("doesn't")),
            Map.entry("were", List.of("was")),
            Map.entry("weren't", List.of("wasn't")),
            Map.entry("go", List.of("goes")));

    /** Words after "I" that stay as they are: past forms, modals and the adverbs written between "I" and a verb. */
    private static final Set<String> SAME = Set.of(
            "was",
            "wasn't",
            "had",
            "hadn't",
            "did",
            "didn't",
            "can",
            "can't",
            "cannot",
            "could",
            "couldn't",
            "will",
            "won't",
            "would",
            "wouldn't",
            "should",
            "shouldn't",
            "must",
            "might",
            "may",
            "never",
            "still",
            "just",
            "already",
            "also",
            "only",
            "really",
            "even",
            "always",
            "got",
            "paid",
            "rang",
            "spoke",
            "told",
            "said",
            "made",
            "sent",
            "bought",
            "took",
            "gave",
            "went",
            "came",
            "wrote",
            "left",
            "lost",
            "found",
            "felt",
            "thought",
            "heard",
            "saw",
            "kept",
            "put",
            "set",
            "let",
            "cut",
            "hit",
            "read",
            "ran",
            "fell",
            "broke",
            "woke");

    /**
     * The phrase (folded to lower case) and the ways an agent reports it, the phrase itself first; a phrase with no
     * first-person word is only itself.
     */
    static List<String> variants(String phrase) {
        Set<String> out = new LinkedHashSet<>();
        out.add(phrase);
        if (hasLatinFirstPerson(phrase)) {
            String[] words = phrase.split(" ", -1);
            for (Speaker speaker : SPEAKERS) out.addAll(reported(words, speaker));
        }
        if (hasHanFirstPerson(phrase)) {
            for (String speaker : HAN_SPEAKERS) out.add(reportedHan(phrase, speaker));
            if (onlyPossessive(phrase)) {
                for (String speaker : HAN_POSSESSIVE_ONLY) out.add(reportedHan(phrase, speaker));
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean hasLatinFirstPerson(String phrase) {
        String[] words = phrase.split(" ", -1);
        if (words.length < 2) return false;
        boolean first = false;
        boolean other = false;
        for (String word : words) {
            if (isFirstPerson(word)) first = true;
            else if (!word.isEmpty()) other = true;
        }
        return first && other;
    }

    private static boolean isFirstPerson(String word) {
        return switch (word) {
            case "i", "i'm", "i've", "i'd", "i'll", "my", "me", "myself", "mine" -> true;
            default -> false;
        };
    }

    /** Each first-person word as this speaker names it; a verb after "I" in both its forms when unsure. */
    private static List<String> reported(String[] words, Speaker speaker) {
        List<StringBuilder> built = new ArrayList<>();
        built.add(new StringBuilder());
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            List<String> options;
            boolean afterI = i > 0 && words[i - 1].equals("i");
            if (afterI) {
                options = agreeing(word);
            } else {
                options = switch (word) {
                    case "i" -> List.of(speaker.subject());
                    case "i'm" -> List.of(speaker.subject() + "'s", speaker.subject() + " is");
                    case "i've" -> List.of(speaker.subject() + "'s", speaker.subject() + " has");
                    case "i'd" ->
                        List.of(speaker.subject() + "'d", speaker.subject() + " would", speaker.subject() + " had");
                    case "i'll" -> List.of(speaker.subject() + "'ll", speaker.subject() + " will");
                    case "my" -> List.of(speaker.possessive());
                    case "me" -> List.of(speaker.object());
                    case "myself" -> REFLEXIVE;
                    case "mine" -> List.of(speaker.hers());
                    default -> List.of(word);
                };
            }
            List<StringBuilder> next = new ArrayList<>();
            for (StringBuilder b : built) {
                for (String option : options) {
                    StringBuilder copy = new StringBuilder(b);
                    if (i > 0) copy.append(' ');
                    next.add(copy.append(option));
                }
            }
            built = next;
        }
        return built.stream().map(StringBuilder::toString).toList();
    }

    /** A verb after "I" as it reads after "she": agreeing where English changes it, both forms where unsure. */
    private static List<String> agreeing(String verb) {
        List<String> agreed = AGREES.get(verb);
        if (agreed != null) return agreed;
        if (verb.isEmpty() || SAME.contains(verb) || verb.endsWith("ed") || !isLetters(verb)) return List.of(verb);
        return List.of(verb, thirdPerson(verb));
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < 'a' || word.charAt(i) > 'z') return false;
        }
        return true;
    }

    /** "call" → "calls", "chase" → "chases", "reach" → "reaches", "try" → "tries". */
    static String thirdPerson(String verb) {
        if (verb.endsWith("s")
                || verb.endsWith("sh")
                || verb.endsWith("ch")
                || verb.endsWith("x")
                || verb.endsWith("z")
                || verb.endsWith("o")) {
            return verb + "es";
        }
        if (verb.length() > 1 && verb.endsWith("y") && "aeiou".indexOf(verb.charAt(verb.length() - 2)) < 0) {
            return verb.substring(0, verb.length() - 1) + "ies";
        }
        return verb + "s";
    }

    /** Whether the phrase has 我 standing for the customer, and other words with it. */
    private static boolean hasHanFirstPerson(String phrase) {
        boolean found = false;
        int others = 0;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (aloneAt(phrase, i)) {
                found = true;
            } else if (c != '我' && !Character.isWhitespace(c)) {
                others++;
            }
        }
        return found && others >= 2;
    }

    /** Whether every 我 standing for the customer in the phrase is 我的. */
    private static boolean onlyPossessive(String phrase) {
        for (int i = 0; i < phrase.length(); i++) {
            if (aloneAt(phrase, i) && (i + 1 >= phrase.length() || phrase.charAt(i + 1) != '的')) return false;
        }
        return true;
    }

    private static boolean aloneAt(String phrase, int i) {
        return phrase.charAt(i) == '我' && (i + 1 >= phrase.length() || HAN_NOT_ALONE.indexOf(phrase.charAt(i + 1)) < 0);
    }

    private static String reportedHan(String phrase, String speaker) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (!aloneAt(phrase, i)) {
                b.append(c);
            } else if (speaker.equals("其") && i + 1 < phrase.length() && phrase.charAt(i + 1) == '的') {
                b.append('其');
                i++; // 我的 → 其, not 其的
            } else {
                b.append(speaker);
            }
        }
        return b.toString();
    }
}
