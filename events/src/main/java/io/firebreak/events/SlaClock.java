package io.firebreak.events;

/** The two clocks every complaint runs against. */
public enum SlaClock {
    FIRST_RESPONSE,
    RESOLUTION
}
