package io.firebreak.triage.sla;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EmotionLevel;
import java.time.Duration;
import java.time.Instant;

/**
 * The SLA due times of a complaint (不要让我等): the class sets the first-response and resolution targets, and an
 * angry or furious customer gets the first response sooner (先处理情感, 后处理事件).
 */
public final class SlaPolicy {

    private final String version;
    private final SlaSettings sla;

    public SlaPolicy(String version, SlaSettings sla) {
        this.version = version;
        this.sla = sla;
    }

    /** The version of the SLA targets this policy applies ({@code sla-2}). */
    public String version() {
        return version;
    }

    /** The due times of clocks that start at {@code from}. */
    public DueTimes dueTimes(ComplaintClass complaintClass, EmotionLevel emotion, Instant from) {
        SlaSettings.Targets targets = sla.of(complaintClass);
        Duration firstResponse = targets.firstResponse();
        double factor = sla.firstResponseFactor(emotion);
        if (factor < 1.0) firstResponse = Duration.ofMillis(Math.round(firstResponse.toMillis() * factor));
        // A first response can never be due after the resolution itself.
        if (firstResponse.compareTo(targets.resolution()) > 0) firstResponse = targets.resolution();
        return new DueTimes(from.plus(firstResponse), from.plus(targets.resolution()));
    }

    /**
     * The resolution due time after the customer's emotion rose to {@code emotion} at {@code at}, once the first
     * response is behind them: the time left shrinks by the emotion's factor (ANGRY ½, FURIOUS ¼ as shipped), never
     * later than it was. Feelings first: the rise is a reason to resolve sooner, not only to answer sooner.
     */
    public Instant resolutionAfterRise(Instant resolutionDue, EmotionLevel emotion, Instant at) {
        double factor = sla.firstResponseFactor(emotion);
        if (resolutionDue == null || factor >= 1.0 || !resolutionDue.isAfter(at)) return resolutionDue;
        long left = Duration.between(at, resolutionDue).toMillis();
        return at.plusMillis(Math.round(left * factor));
    }

    /** When the first response and the resolution are due. */
    public record DueTimes(Instant firstResponseDue, Instant resolutionDue) {}
}
