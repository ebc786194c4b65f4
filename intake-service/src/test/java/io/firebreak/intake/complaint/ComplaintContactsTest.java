package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComplaintContactsTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    static final Duration SAME_CONTACT = Duration.ofHours(2);

    static Complaint complaint(List<String> earlier, List<Complaint.Message> messages) {
        return new Complaint(
                "CUS-1",
                "138****8000",
                Channel.PHONE,
                "parcel lost",
                null,
                "ORD-1",
                null,
                null,
                EmotionLevel.CALM,
                List.of(),
                CustomerStage.LATENT_DISSATISFACTION,
                earlier,
                messages,
                T0,
                ComplaintStatus.ASSIGNED,
                null,
                null,
                null,
                null,
                List.of(),
                T0);
    }

    static Complaint.Message duplicate(Instant at) {
        return new Complaint.Message("m-" + at, at, Channel.EMAIL, "again", true, EmotionLevel.CALM, List.of());
    }

    @Test
    void theSameMatterOnAnotherChannelMomentsLaterIsOneContactNotARepeat() {
        Complaint c = complaint(List.of(), List.of(duplicate(T0.plusSeconds(60))));
        assertThat(c.contactsBefore(SAME_CONTACT)).isZero();
        assertThat(c.comesBack(T0.plusSeconds(120), SAME_CONTACT)).isFalse();
    }

    @Test
    void comingBackLaterAboutTheSameMatterCountsAsAnEarlierContact() {
        Complaint c = complaint(
                List.of("C0"),
                List.of(
                        duplicate(T0.plusSeconds(60)),
                        duplicate(T0.plus(Duration.ofHours(3))),
                        duplicate(T0.plus(Duration.ofHours(4)))));
        // the earlier complaint, and the return after three hours; not the one a minute in, nor the one an hour after
        assertThat(c.contactsBefore(SAME_CONTACT)).isEqualTo(2);
        assertThat(c.comesBack(T0.plus(Duration.ofHours(7)), SAME_CONTACT)).isTrue();
    }

    @Test
    void laterMessagesThatAreNotDuplicatesAreNotContactsAboutAnotherSubmission() {
        Complaint.Message message = new Complaint.Message(
                "m", T0.plus(Duration.ofDays(1)), Channel.CHAT, "any news?", false, EmotionLevel.UPSET, List.of());
        assertThat(complaint(List.of(), List.of(message)).contactsBefore(SAME_CONTACT))
                .isZero();
    }
}
