package io.firebreak.triage.corrections;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.triage.decision.TriageDecisions;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.settings.SettingsReplaced;
import io.firebreak.triage.settings.SettingsStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The active settings' reading of every shipped labelled complaint ({@link LabelledExamples#all}), made once per active
 * rule set and routing table: a dry run compares a proposed rule set with it, and reads only the proposed set itself.
 * It is made in the background when triage is ready and when new rules or a new routing table are made active here
 * (about 8,400 classifications, a few seconds of a core), so that a dry run seldom waits for it; after settings made
 * active elsewhere, at the next dry run.
 */
@Component
class LabelledReadings {

    private final SettingsStore settings;
    private final AtomicReference<Made> made = new AtomicReference<>();

    /** The readings of the settings of {@code versions}, made or being made. */
    private record Made(String versions, CompletableFuture<ComplaintClass[]> classes) {}

    LabelledReadings(SettingsStore settings) {
        this.settings = settings;
    }

    @EventListener({ApplicationReadyEvent.class, SettingsReplaced.class})
    void readInTheBackground() {
        of(settings.current());
    }

    /** The class each labelled complaint has under these settings, in the order of {@link LabelledExamples#all}. */
    CompletableFuture<ComplaintClass[]> of(ActiveSettings active) {
        String versions = active.classifier().version() + " " + active.router().version();
        Made current = made.get();
        // Made or being made for these versions: kept, unless the making failed (then it is made again).
        if (current != null
                && current.versions().equals(versions)
                && !current.classes().isCompletedExceptionally()) return current.classes();
        Made fresh = new Made(versions, new CompletableFuture<>());
        if (!made.compareAndSet(current, fresh)) return of(active);
        Thread reading = new Thread(
                () -> {
                    try {
                        fresh.classes().complete(read(active, LabelledExamples.all()));
                    } catch (RuntimeException | Error e) {
                        fresh.classes().completeExceptionally(e);
                    }
                },
                "labelled-readings");
        reading.setDaemon(true);
        reading.start();
        return fresh.classes();
    }

    /** The class each of these labelled complaints has under these settings, read side by side on the cores there are. */
    static ComplaintClass[] read(ActiveSettings settings, List<LabelledExamples.Example> examples) {
        return IntStream.range(0, examples.size())
                .parallel()
                .mapToObj(i -> classIn(
                        settings, examples.get(i).text(), examples.get(i).earlierComplaintIds(), null))
                .toArray(ComplaintClass[]::new);
    }

    /** The class these words have under these settings, as a dry run reads them (a web form, no product named). */
    static ComplaintClass classIn(ActiveSettings settings, String text, List<String> earlier, CustomerStage stage) {
        return TriageDecisions.assess(settings, text, null, Channel.WEB_FORM, earlier, stage)
                .result()
                .complaintClass();
    }
}
