package io.firebreak.triage.semantic;

import com.mongodb.client.model.Indexes;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.decision.ComplaintTriage;
import io.firebreak.triage.decision.TriageDecisions;
import io.firebreak.triage.semantic.EmbeddingReader.Labelled;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The semantic reader triage runs with when {@code firebreak.triage.semantic.enabled} is true (off by default: it
 * costs more CPU per complaint than the rest of triage): it compares with the shipped labelled complaints (those whose
 * class comes from their words, not from earlier complaints on file) and with every complaint a person corrected.
 */
@Configuration(proxyBeanMethods = false)
class SemanticConfiguration {

    /** The most corrections read at start, the newest first. */
    private static final int CORRECTIONS_READ = 10_000;

    @Bean
    SemanticReader semanticReader(
            @Value("${firebreak.triage.semantic.enabled:false}") boolean enabled,
            @Value("${firebreak.triage.semantic.kept-vectors:#{null}}") String keptVectors,
            AggregateStore<ComplaintTriage> store) {
        if (!enabled) return SemanticReader.NONE;
        // The confirmed classes, read at start with the reclassified ones (those by history.trigger, an index of the
        // corrections' own).
        store.collection().createIndex(Indexes.ascending("review.outcome", "receivedAt"));
        Path kept = keptVectors == null
                ? EmbeddingReader.keptVectors()
                : keptVectors.isBlank() ? null : Path.of(keptVectors);
        return BackgroundReader.start(kept, () -> corrections(store));
    }

    /**
     * The reader's state, for operators ({@code /actuator/health/semanticReader}, details for ADMIN): always UP, as
     * the rules classify without it; {@code ready} once the models are loaded and the examples read.
     */
    @Bean
    HealthIndicator semanticReaderHealthIndicator(SemanticReader reader) {
        return () -> {
            if (!(reader instanceof BackgroundReader background)) {
                return Health.up().withDetail("enabled", false).build();
            }
            Health.Builder health = Health.up()
                    .withDetail("enabled", true)
                    .withDetail("ready", background.ready())
                    .withDetail("examples", background.examples());
            if (background.failure() != null) health.withDetail("failure", background.failure());
            return health.build();
        };
    }

    /**
     * Every complaint a person classed — reclassified, or confirmed under review — with the class they gave it
     * ({@link ComplaintTriage#classByPerson}), the newest first.
     */
    static List<Labelled> corrections(AggregateStore<ComplaintTriage> store) {
        Map<String, Labelled> labelled = new LinkedHashMap<>();
        for (Document filter : List.of(
                new Document("history.trigger", TriageDecisions.RECLASSIFIED),
                new Document("review.outcome", ComplaintTriage.Review.CONFIRMED))) {
            for (Versioned<ComplaintTriage> v :
                    store.findAll(filter, new Document("receivedAt", -1), CORRECTIONS_READ)) {
                ComplaintTriage t = v.value();
                if (t.text() == null || t.text().isBlank() || t.text().equals(PersonalDataErased.MARKER)) continue;
                t.classByPerson()
                        .ifPresent(c -> labelled.putIfAbsent(
                                t.complaintId(),
                                new Labelled(t.text(), c, SemanticReader.correctionOf(t.complaintId()))));
            }
        }
        return List.copyOf(labelled.values());
    }
}
