package io.firebreak.platform.text;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * The words every reader of the customer's text shares, shipped in {@code lexicon.yml} beside this class: how a found
 * phrase is negated, the ordinary senses in which an alarming word means nothing alarming, and named lists of
 * phrases (hazards, legal steps, regulators, media, asking for a superior, money at stake) that intake's emotion
 * reading and triage's rules both read, so the two never read the same words differently. A list is named among
 * other phrases as {@code @name}.
 */
public record Lexicon(NegationWords negation, List<String> senses, Map<String, List<String>> lists) {

    /** The prefix that names a list among phrases: {@code @hazard}. */
    public static final String LIST = "@";

    private static final String GAP = "...";

    private static final Lexicon SHIPPED = load("lexicon.yml");

    /**
     * What makes a found phrase not count ({@link Negation}): {@code cues} before it within {@code window} words (a
     * Chinese character is a word), {@code after} cues right after it ("律师就不必了"), {@code ignore} for cue-like words
     * that do not negate ("没想到", "not only"), {@code boundaries} for words that end a clause as punctuation does
     * ("but", "但是"), {@code conditionals} that make a cue a condition ("要是不想上热搜"), {@code hedges} that take a
     * denial back ("I don't want to get lawyers involved, but if…"). The shipped lexicon's, or a rule set's own.
     */
    public record NegationWords(
            @NotEmpty List<@NotBlank String> cues,
            List<@NotBlank String> after,
            List<@NotBlank String> ignore,
            List<@NotBlank String> boundaries,
            List<@NotBlank String> conditionals,
            List<@NotBlank String> hedges,
            @Min(0) @Max(12) int window) {

        public Negation compile() {
            return new Negation(cues, after, ignore, boundaries, conditionals, hedges, window);
        }
    }

    public Lexicon {
        senses = List.copyOf(senses);
        lists = Map.copyOf(lists);
    }

    /** The lexicon as shipped. */
    public static Lexicon shipped() {
        return SHIPPED;
    }

    /** The shared way of reading: this lexicon's negation and senses. */
    public Reading reading() {
        return new Reading(negation.compile(), senses);
    }

    /** A named list. */
    public List<String> list(String name) {
        List<String> list = lists.get(name);
        if (list == null)
            throw new IllegalArgumentException("No list '" + name + "' in the lexicon; it has " + lists.keySet());
        return list;
    }

    /**
     * The phrases with every {@code @name} replaced by the list it names, and every {@code "@name ... @other"} by
     * the pairs of their phrases ({@link #crossed}); null stays null.
     */
    public List<String> expand(List<String> phrases) {
        if (phrases == null) return null;
        List<String> expanded = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase != null && phrase.startsWith(LIST) && !phrase.contains(GAP)) {
                expanded.addAll(list(phrase.substring(LIST.length()).strip()));
            } else if (phrase != null && phrase.contains(LIST)) {
                expanded.addAll(crossed(List.of(phrase), lists));
            } else {
                expanded.add(phrase);
            }
        }
        return List.copyOf(expanded);
    }

    @SuppressWarnings("unchecked")
    static Lexicon load(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not beside " + Lexicon.class.getName());
            Map<String, Object> yaml = new Yaml().load(in);
            Map<String, Object> n = (Map<String, Object>) yaml.get("negation");
            NegationWords negation = new NegationWords(
                    strings(n.get("cues")),
                    strings(n.get("after")),
                    strings(n.get("ignore")),
                    strings(n.get("boundaries")),
                    strings(n.get("conditionals")),
                    strings(n.get("hedges")),
                    ((Number) n.get("window")).intValue());
            Map<String, List<String>> written = new LinkedHashMap<>();
            ((Map<String, Object>) yaml.get("lists")).forEach((name, list) -> written.put(name, strings(list)));
            Map<String, List<String>> lists = new LinkedHashMap<>();
            written.forEach((name, list) -> lists.put(name, crossed(list, written)));
            return new Lexicon(negation, strings(yaml.get("senses")), lists);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A list's entries with every {@code @name} among them written out: {@code "@platform ... @publishing"} is any
     * phrase of the one list followed by any of the other ("微博 ... 转发", "Reddit ... viral"), written as one phrase
     * with alternatives ({@code "微博|抖音 ... 转发|发到"}), for a word that counts only beside another ("a video
     * posted on Reddit", not "a Reddit ad"). A list named so holds plain words only.
     */
    static List<String> crossed(List<String> entries, Map<String, List<String>> lists) {
        List<String> out = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.contains(LIST)) {
                out.add(entry);
                continue;
            }
            List<String> sides = new ArrayList<>();
            for (String side : entry.split(Pattern.quote(GAP), -1)) {
                sides.add(String.join("|", side(side.strip(), entry, lists)));
            }
            out.add(String.join(" ... ", sides));
        }
        return List.copyOf(out);
    }

    private static List<String> side(String side, String entry, Map<String, List<String>> lists) {
        if (!side.startsWith(LIST)) return List.of(side);
        List<String> named = lists.get(side.substring(LIST.length()));
        if (named == null) throw new IllegalArgumentException("'" + entry + "' names no list of the lexicon");
        if (named.stream().anyMatch(word -> word.contains(LIST) || word.contains(GAP) || word.contains("|")))
            throw new IllegalArgumentException("'" + entry + "' names a list that is not plain words");
        return named;
    }

    @SuppressWarnings("unchecked")
    /** YAML reads 12315 as a number and "no" as a string only when quoted: every entry is taken as written. */
    private static List<String> strings(Object list) {
        if (list == null) return List.of();
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }
}
