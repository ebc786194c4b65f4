package io.firebreak.triage;

import io.firebreak.platform.text.Lexicon;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.routing.RoutingTable;
import io.firebreak.triage.sla.SlaSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Triage's settings under {@code firebreak.triage.*}, defaults in {@code triage.yml}: the classification rule set
 * and the routing table (with the roster) that seed triage's database, where administrators replace them as new
 * versions; and the SLA targets per class and emotion.
 */
@Validated
@ConfigurationProperties("firebreak.triage")
public record TriageProperties(
        @Valid @NotNull RuleSet classification,
        @Valid @NotNull RoutingTable routing,
        @Valid @NotNull SlaSettings sla) {

    /**
     * The shipped rule set names the lexicon's lists and takes its negation and senses, and the routing table names
     * its lists: made complete here.
     */
    public TriageProperties {
        classification = classification == null ? null : classification.withLexicon(Lexicon.shipped());
        routing = routing == null ? null : routing.withLexicon(Lexicon.shipped());
    }
}
