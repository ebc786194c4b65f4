package io.firebreak.events;

/** The moments the customer is told of (see {@link IntakeEvents.CustomerNotified}). */
public enum CustomerNotice {
    /** The complaint was received: its reference and what happens next. */
    RECEIPT,
    /** The first response: the agent's words, and the callback promised if any. */
    ACKNOWLEDGEMENT,
    /** A proposal: the numbered steps, who does each and by when, and the remedies. */
    PROPOSAL,
    /** Progress: a part of the work (a department's task) is done. */
    PROGRESS,
    /** A delay: the resolution or a promise is late; the customer hears it from us before asking. */
    DELAY,
    /** A message an agent wrote to the customer. */
    MESSAGE,
    /** The resolution: what was done. */
    RESOLUTION
}
