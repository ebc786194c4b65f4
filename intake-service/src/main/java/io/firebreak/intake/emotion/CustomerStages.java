package io.firebreak.intake.emotion;

import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import java.util.Set;

/**
 * Infers where the customer stands among the six psychological stages (六个心理阶段) from one reading. The stage
 * of a complaint only rises: a calmer later message does not undo an escalation.
 */
public final class CustomerStages {

    private CustomerStages() {}

    /**
     * Escalated when the customer goes over our heads (a superior, a regulator, the media) or contacts us again about
     * the same matter; a complaint when they threaten legal steps or are furious; a potential complaint when angry;
     * otherwise a grievance, explicit when they state it (a complaint word or a remedy sought).
     */
    static CustomerStage infer(EmotionLevel level, Set<SignalKind> kinds, boolean grievanceStated) {
        if (kinds.contains(SignalKind.SUPERIOR)
                || kinds.contains(SignalKind.REGULATOR)
                || kinds.contains(SignalKind.MEDIA)
                || kinds.contains(SignalKind.EARLIER_CONTACTS)) {
            return CustomerStage.ESCALATED_COMPLAINT;
        }
        if (kinds.contains(SignalKind.THREAT) || level == EmotionLevel.FURIOUS) return CustomerStage.COMPLAINT;
        if (level == EmotionLevel.ANGRY) return CustomerStage.POTENTIAL_COMPLAINT;
        if (grievanceStated) return CustomerStage.EXPLICIT_GRIEVANCE;
        return level == EmotionLevel.UPSET ? CustomerStage.ABOUT_TO_GRIEVE : CustomerStage.LATENT_DISSATISFACTION;
    }

    /** The later of two stages (a stage never falls). */
    public static CustomerStage higher(CustomerStage a, CustomerStage b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.compareTo(b) >= 0 ? a : b;
    }
}
