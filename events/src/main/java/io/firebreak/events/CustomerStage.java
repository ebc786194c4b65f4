package io.firebreak.events;

/**
 * The customer's six psychological stages (六个心理阶段), from a first unease to an escalated complaint; the last
 * one means ESCALATED.
 */
public enum CustomerStage {
    /** 潜在不满 */
    LATENT_DISSATISFACTION,
    /** 即将转化为抱怨 */
    ABOUT_TO_GRIEVE,
    /** 显化抱怨 */
    EXPLICIT_GRIEVANCE,
    /** 潜在投诉 */
    POTENTIAL_COMPLAINT,
    /** 投诉 */
    COMPLAINT,
    /** 投诉升级 */
    ESCALATED_COMPLAINT
}
