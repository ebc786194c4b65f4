package io.firebreak.platform.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds configured phrases in a text, in Chinese and English, with the rules of {@link PhraseSet}: case-insensitive
 * on the NFKC form, Latin phrases as whole words (or word prefixes with {@code *}), Chinese phrases anywhere.
 */
public final class PhraseMatcher {

    private final PhraseSet phrases;

    public PhraseMatcher(List<String> phrases) {
        this.phrases = PhraseSet.of(phrases);
    }

    /** The distinct phrases found, as written in the text, in the order of the configured phrases. */
    public List<String> find(String text) {
        if (text == null || text.isBlank()) return List.of();
        Set<String> found = new LinkedHashSet<>();
        for (PhraseSet.Hit hit : phrases.scan(ScannedText.of(text))) found.add(hit.asWritten());
        return new ArrayList<>(found);
    }
}
