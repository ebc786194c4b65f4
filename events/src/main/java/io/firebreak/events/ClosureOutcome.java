package io.firebreak.events;

/** Why a complaint was closed. */
public enum ClosureOutcome {
    SATISFIED,
    NO_RESPONSE
}
