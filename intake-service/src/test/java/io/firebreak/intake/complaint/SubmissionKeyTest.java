package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.IntakeDecisions.Complainant;
import io.firebreak.intake.complaint.IntakeDecisions.Incoming;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.test.ShippedProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubmissionKeyTest {

    private static final IntakeProperties PROPERTIES =
            ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class);
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Caller CLIENT = new Caller("zendesk", "zendesk");

    private final IntakeDecisions decide = new IntakeDecisions(new EmotionReader(PROPERTIES), PROPERTIES);

    @Test
    void theComplaintASubmissionOpenedHoldsItsKeyForThatSubmissionOnly() {
        SubmitComplaint submission = submission("The oven door glass cracked", "ORD-1");
        SubmissionKey key = SubmissionKey.of("zendesk", "k-1", submission);
        Complaint opened = opened("C-1", key);

        assertThat(key.in(opened)).isEqualTo(SubmissionKey.Held.SAME);
        assertThat(SubmissionKey.of("zendesk", "k-1", submission).in(opened))
                .as("the same submission again")
                .isEqualTo(SubmissionKey.Held.SAME);
        assertThat(SubmissionKey.of("zendesk", "k-1", submission("The oven door glass broke", "ORD-1"))
                        .in(opened))
                .as("the same key with another submission")
                .isEqualTo(SubmissionKey.Held.OTHER);
        assertThat(SubmissionKey.of("zendesk", "k-2", submission).in(opened)).isEqualTo(SubmissionKey.Held.NOT);
        assertThat(SubmissionKey.of("servicenow", "k-1", submission).in(opened))
                .as("another caller's key, however alike")
                .isEqualTo(SubmissionKey.Held.NOT);
        assertThat(opened("C-2", null).idempotencyKey()).isNull();
    }

    @Test
    void theOpenComplaintASubmissionWasMergedIntoHoldsItsKeyAndTakesItOnce() {
        Complaint open = opened("C-1", null);
        SubmitComplaint again = submission("The oven door glass is still cracked", "ORD-1");
        SubmissionKey key = SubmissionKey.of("zendesk", "k-3", again);
        Incoming in = new Incoming(Channel.PHONE, again.description(), null, "ORD-1", null, null);

        Complaint merged =
                decide.merged("C-1", open, in, null, key, "msg-1", T0).value();

        assertThat(key.in(merged)).isEqualTo(SubmissionKey.Held.SAME);
        assertThat(SubmissionKey.of("zendesk", "k-3", submission("Something else", "ORD-1"))
                        .in(merged))
                .isEqualTo(SubmissionKey.Held.OTHER);
        assertThat(decide.merged("C-1", merged, in, null, key, "msg-2", T0))
                .as("its retry is not merged twice")
                .isNull();
        assertThat(merged.messages()).hasSize(1);
    }

    @Test
    void submissionsThatDifferInAnyFieldHaveDifferentFingerprints() {
        SubmitComplaint a = new SubmitComplaint(
                "PHONE", new SubmitComplaint.CustomerRef(null, "Li, Wei", null, null), "x", null, null, null, null);
        SubmitComplaint b = new SubmitComplaint(
                "PHONE", new SubmitComplaint.CustomerRef(null, "Li", null, null), ", Wei,x", null, null, null, null);
        SubmitComplaint c = new SubmitComplaint(
                "PHONE", new SubmitComplaint.CustomerRef(null, "Li, Wei", null, null), "x", "-", null, null, null);

        assertThat(List.of(a, b, c).stream()
                        .map(s -> SubmissionKey.of("agent-7", "k", s).fingerprint())
                        .distinct())
                .hasSize(3);
    }

    private static SubmitComplaint submission(String text, String orderRef) {
        return new SubmitComplaint(
                "PHONE", new SubmitComplaint.CustomerRef("CRM-1", null, null, null), text, null, orderRef, null, null);
    }

    private Complaint opened(String id, SubmissionKey key) {
        return decide.received(
                        id,
                        new Complainant("zendesk:CRM-1", null),
                        new Incoming(Channel.PHONE, "The oven door glass cracked", null, "ORD-1", null, null),
                        List.of(),
                        CLIENT,
                        null,
                        null,
                        key,
                        T0)
                .value();
    }
}
