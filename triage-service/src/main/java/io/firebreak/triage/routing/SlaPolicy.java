package io.firebreak.triage.routing;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import io.firebreak.triage.TriageProperties;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The SLA due times of a complaint (不要让我等): the class sets the first-response and resolution targets, and an
 * angry or furious customer gets the first response sooner (先处理情感, 后处理事件).
 */
@Component
public class SlaPolicy {

    private final TriageProperties.Sla sla;

    public SlaPolicy(TriageProperties properties) {
        this.sla = properties.sla();
    }

    /** The due times of clocks that start at {@code from}. */
    public DueTimes dueTimes(ComplaintClass complaintClass, EmotionLevel emotion, Instant from) {
        TriageProperties.Targets targets = sla.of(complaintClass);
        Duration firstResponse = targets.firstResponse();
        if (emotion != null && sla.hurryFor().contains(emotion)) {
            firstResponse = Duration.ofMillis(Math.round(firstResponse.toMillis() * sla.emotionFirstResponseFactor()));
        }
        // A first response can never be due after the resolution itself.
        if (firstResponse.compareTo(targets.resolution()) > 0) firstResponse = targets.resolution();
        return new DueTimes(from.plus(firstResponse), from.plus(targets.resolution()));
    }

    /** When the first response and the resolution are due. */
    public record DueTimes(Instant firstResponseDue, Instant resolutionDue) {}
}
