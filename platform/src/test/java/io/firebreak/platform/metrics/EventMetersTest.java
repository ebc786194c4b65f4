package io.firebreak.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.platform.kafka.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each published event is counted under its type's name, by its dimensions; its whole numbers are distributions. */
class EventMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventMeters meters = new EventMeters(registry);
    private final EventCodec codec = new EventCodec();

    @Test
    void published_countsByTheEventsEnumsYesNosAndDimensionsNeverByItsTexts() {
        publish(new ComplaintClassified("c-1", Instant.now(), ComplaintClass.MAJOR, null, List.of(), "v1", "received"));
        publish(new ComplaintClassified("c-2", Instant.now(), ComplaintClass.MAJOR, null, List.of(), "v1", "received"));
        publish(new ComplaintClassified(
                "c-1", Instant.now(), ComplaintClass.ORDINARY, ComplaintClass.MAJOR, List.of(), "v1", "reclassified"));

        assertThat(registry.get("firebreak.complaint.classified")
                        .tags("complaint_class", "MAJOR", "previous_class", "none", "trigger", "received")
                        .counter()
                        .count())
                .isEqualTo(2);
        assertThat(registry.get("firebreak.complaint.classified")
                        .tags("complaint_class", "ORDINARY", "previous_class", "MAJOR", "trigger", "reclassified")
                        .counter()
                        .count())
                .isEqualTo(1);
        // The complaint id, the reasons and the rule set's version are no dimension: no tag names them.
        registry.get("firebreak.complaint.classified")
                .counters()
                .forEach(c -> assertThat(c.getId().getTags())
                        .extracting(t -> t.getKey())
                        .containsExactlyInAnyOrder("complaint_class", "previous_class", "trigger"));
    }

    @Test
    void published_recordsWholeNumbersAsDistributions() {
        publish(new FollowUpRecorded("c-1", Instant.now(), true, 5, "great", "agent-1"));
        publish(new FollowUpRecorded("c-2", Instant.now(), false, 2, "meh", "agent-1"));

        assertThat(registry.get("firebreak.followup.recorded")
                        .tags("satisfied", "true")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(registry.get("firebreak.followup.recorded.score").summary().count())
                .isEqualTo(2);
        assertThat(registry.get("firebreak.followup.recorded.score").summary().totalAmount())
                .isEqualTo(7);
    }

    @Test
    void published_anUnknownTypeOrAnUnreadablePayloadIsStillCounted() {
        meters.published("firebreak.something.new", "{}");
        meters.published(EventType.COMPLAINT_CLASSIFIED.wireName(), "not json");

        assertThat(registry.get("firebreak.something.new").counter().count()).isEqualTo(1);
        assertThat(registry.get("firebreak.complaint.classified")
                        .tags("complaint_class", "none")
                        .counter()
                        .count())
                .isEqualTo(1);
    }

    private void publish(io.firebreak.events.FirebreakEvent event) {
        meters.published(EventType.of(event).wireName(), codec.toJson(event));
    }
}
