package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FeedbackEvents.PreventionGroupResolved;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupResolutionsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final PreventionGroupResolved GROUP = new PreventionGroupResolved(
            "PA-1",
            T0.plusSeconds(600),
            "SYSTEM_OUTAGE",
            "IT",
            List.of("c-1"),
            "The outage is fixed for everyone",
            "supervisor-1");

    @Test
    void aCaseThatMayBeResolvedIsResolvedWithTheGroupsMessageAndCause() {
        ComplaintCase acknowledged =
                CaseDecisions.acknowledge(open(), "agent-1", null, T0).value();

        Change<ComplaintCase> change = GroupResolutions.decide(acknowledged, GROUP);

        assertThat(change.value().state()).isEqualTo(CaseState.RESOLVED);
        assertThat(change.events()).singleElement().isInstanceOfSatisfying(CaseResolved.class, e -> {
            assertThat(e.summary()).isEqualTo("The outage is fixed for everyone");
            assertThat(e.rootCause()).isEqualTo("SYSTEM_OUTAGE");
            assertThat(e.by()).isEqualTo("supervisor-1");
        });
    }

    @Test
    void aCaseThatMayNotBeResolvedIsLeftWithAnInternalNoteWhy() {
        Change<ComplaintCase> change = GroupResolutions.decide(open(), GROUP);

        assertThat(change.value().state()).isEqualTo(CaseState.ASSIGNED);
        assertThat(change.events())
                .as("only the note, for the staff")
                .singleElement()
                .isInstanceOfSatisfying(
                        CaseUpdated.class, e -> assertThat(e.change()).isEqualTo(CaseChange.INTERNAL_NOTE));
        assertThat(change.value().notes()).singleElement().satisfies(n -> {
            assertThat(n.internal()).isTrue();
            assertThat(n.text()).contains("PA-1", "ASSIGNED");
        });
    }

    private static ComplaintCase open() {
        return CaseDecisions.open(
                        new ResponsibilityAssigned(
                                "c-1",
                                T0,
                                "IT",
                                List.of(),
                                ComplaintClass.ORDINARY,
                                T0.plus(Duration.ofHours(4)),
                                T0.plus(Duration.ofHours(72))),
                        T0)
                .value();
    }
}
