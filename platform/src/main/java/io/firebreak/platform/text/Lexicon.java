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

    /** The phrases with every {@code @name} replaced by the list it names; null stays null. */
    public List<String> expand(List<String> phrases) {
        if (phrases == null) return null;
        List<String> expanded = new ArrayList<>();
        for (String phrase : phrases) {
            if (phrase != null && phrase.startsWith(LIST)) {
                expanded.addAll(list(phrase.substring(LIST.length()).strip()));
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
            Map<String, List<String>> lists = new LinkedHashMap<>();
            ((Map<String, Object>) yaml.get("lists")).forEach((name, list) -> lists.put(name, strings(list)));
            return new Lexicon(negation, strings(yaml.get("senses")), lists);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    /** YAML reads 12315 as a number and "no" as a string only when quoted: every entry is taken as written. */
    private static List<String> strings(Object list) {
        if (list == null) return List.of();
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }
}
