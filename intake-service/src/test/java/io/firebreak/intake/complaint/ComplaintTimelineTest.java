package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A case file stays bounded however long the complaint lives: its timeline keeps the receipt and the newest. */
class ComplaintTimelineTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void noCaps_aTimelineKeepsItsFirstLineAndTheNewestUpToItsCap() {
        Complaint c = new Complaint(
                "CUS-1",
                null,
                Channel.PHONE,
                "x",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                List.of(),
                List.of(),
                T0,
                ComplaintStatus.RECEIVED,
                null,
                null,
                null,
                null,
                List.of(line(0)),
                T0);
        for (int i = 1; i <= Complaint.MAX_TIMELINE + 200; i++) {
            c = c.withTimeline(line(i));
        }
        assertThat(c.timeline()).hasSize(Complaint.MAX_TIMELINE);
        assertThat(c.timeline().get(0).eventId()).as("the receipt stays").isEqualTo("e-0");
        assertThat(c.timeline().get(1).eventId()).isEqualTo("e-" + 202);
        assertThat(c.timeline().get(Complaint.MAX_TIMELINE - 1).eventId())
                .isEqualTo("e-" + (Complaint.MAX_TIMELINE + 200));
    }

    private static Complaint.TimelineEntry line(int n) {
        return new Complaint.TimelineEntry(
                "e-" + n, T0.plusSeconds(n), "firebreak.sla.warned", "resolution", "line " + n);
    }
}
