package io.firebreak.intake.complaint;

import static io.firebreak.intake.complaint.ComplaintStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComplaintStatusTest {

    @Test
    void theStatusMovesForwardThroughTheLifecycle() {
        assertThat(RECEIVED.moveTo(ASSIGNED)).isEqualTo(ASSIGNED);
        assertThat(ASSIGNED.moveTo(ACKNOWLEDGED)).isEqualTo(ACKNOWLEDGED);
        assertThat(ACKNOWLEDGED.moveTo(RESOLVED)).isEqualTo(RESOLVED);
        assertThat(RESOLVED.moveTo(CLOSED)).isEqualTo(CLOSED);
    }

    @Test
    void aLateEventOfAnEarlierStepDoesNotMoveItBack() {
        assertThat(ACKNOWLEDGED.moveTo(ASSIGNED)).isEqualTo(ACKNOWLEDGED);
        assertThat(CLOSED.moveTo(RESOLVED)).isEqualTo(CLOSED);
        assertThat(RECEIVED.moveTo(REOPENED)).isEqualTo(RECEIVED);
    }

    @Test
    void aReopenStartsANewRoundThatMovesForwardAgain() {
        assertThat(RESOLVED.moveTo(REOPENED)).isEqualTo(REOPENED);
        assertThat(REOPENED.moveTo(ASSIGNED)).isEqualTo(REOPENED);
        assertThat(REOPENED.moveTo(ACKNOWLEDGED)).isEqualTo(ACKNOWLEDGED);
        assertThat(REOPENED.moveTo(ACKNOWLEDGED).moveTo(RESOLVED).moveTo(CLOSED))
                .isEqualTo(CLOSED);
    }
}
