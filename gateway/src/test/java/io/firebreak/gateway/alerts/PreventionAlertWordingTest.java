package io.firebreak.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.FeedbackEvents.PreventionRaised;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A prevention alert counts the complaints that raised the action, not only those its event names. */
class PreventionAlertWordingTest {

    @Test
    void theCountIsTheActionsNotTheLengthOfTheNamedList() {
        PreventionRaised raised = new PreventionRaised(
                "PA-SYSTEM_OUTAGE-IT-1", Instant.now(), "SYSTEM_OUTAGE", "IT", List.of("c-1", "c-2"), 25_000);

        AlertDraft draft = AlertWording.draft(raised, () -> null).orElseThrow();

        assertThat(draft.kind()).isEqualTo(AlertKind.PREVENTION);
        assertThat(draft.complaintId()).isEqualTo("c-2");
        assertThat(draft.summary()).contains("(25000 complaints)");
        assertThat(draft.summaryZh()).contains("（25000 件投诉）");
    }

    @Test
    void anEventPublishedBeforeTheCountWasGivenCountsItsList() {
        PreventionRaised raised =
                new PreventionRaised("PA-X-IT-1", Instant.now(), "X", "IT", List.of("c-1", "c-2", "c-3"), null);

        assertThat(AlertWording.draft(raised, () -> null).orElseThrow().summary())
                .contains("(3 complaints)");
    }
}
