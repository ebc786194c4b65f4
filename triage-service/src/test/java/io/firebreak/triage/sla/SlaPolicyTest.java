package io.firebreak.triage.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.sla.SlaPolicy.DueTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SlaPolicyTest {

    private static final Instant FROM = Instant.parse("2026-11-23T08:00:00Z");

    private final SlaPolicy policy = new SlaPolicy("sla-1", Shipped.properties().sla());

    @Test
    void eachClassHasItsDefaultTargets() {
        assertThat(policy.dueTimes(ComplaintClass.ORDINARY, EmotionLevel.CALM, FROM))
                .isEqualTo(due(4 * 60, 72));
        assertThat(policy.dueTimes(ComplaintClass.ESCALATED, EmotionLevel.CALM, FROM))
                .isEqualTo(due(60, 24));
        assertThat(policy.dueTimes(ComplaintClass.MAJOR, EmotionLevel.CALM, FROM))
                .isEqualTo(due(30, 24));
        assertThat(policy.dueTimes(ComplaintClass.DIFFICULT, EmotionLevel.CALM, FROM))
                .isEqualTo(due(4 * 60, 120));
    }

    @Test
    void angryCustomerGetsTheFirstResponseInHalfTheTimeAndFuriousInAQuarter() {
        assertThat(policy.dueTimes(ComplaintClass.ORDINARY, EmotionLevel.ANGRY, FROM))
                .isEqualTo(due(2 * 60, 72));
        assertThat(policy.dueTimes(ComplaintClass.ORDINARY, EmotionLevel.FURIOUS, FROM))
                .isEqualTo(due(60, 72));
        assertThat(policy.dueTimes(ComplaintClass.MAJOR, EmotionLevel.ANGRY, FROM))
                .isEqualTo(due(15, 24));
        assertThat(policy.dueTimes(ComplaintClass.ESCALATED, EmotionLevel.FURIOUS, FROM))
                .isEqualTo(due(15, 24));
    }

    @Test
    void upsetOrUnknownEmotionKeepsTheClassTargets() {
        assertThat(policy.dueTimes(ComplaintClass.ESCALATED, EmotionLevel.UPSET, FROM))
                .isEqualTo(due(60, 24));
        assertThat(policy.dueTimes(ComplaintClass.ESCALATED, null, FROM)).isEqualTo(due(60, 24));
    }

    @Test
    void firstResponseIsNeverDueAfterTheResolution() {
        SlaSettings odd = new SlaSettings(
                new SlaSettings.Targets(Duration.ofHours(10), Duration.ofHours(2)),
                Shipped.properties().sla().escalated(),
                Shipped.properties().sla().major(),
                Shipped.properties().sla().difficult(),
                Map.of());

        assertThat(new SlaPolicy("sla-2", odd).dueTimes(ComplaintClass.ORDINARY, EmotionLevel.CALM, FROM))
                .isEqualTo(new DueTimes(FROM.plus(Duration.ofHours(2)), FROM.plus(Duration.ofHours(2))));
    }

    private static DueTimes due(long firstResponseMinutes, long resolutionHours) {
        return new DueTimes(
                FROM.plus(Duration.ofMinutes(firstResponseMinutes)), FROM.plus(Duration.ofHours(resolutionHours)));
    }
}
