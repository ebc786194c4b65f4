package io.firebreak.triage.settings;

import java.time.Instant;

/**
 * One stored version of a rule set or routing table: its version id ({@code rules-3}), its number, when and by whom
 * it was made, whether it came from the shipped defaults or an administrator, and the settings themselves.
 */
record Revision<T>(
        String version, long revision, Instant createdAt, String createdBy, String source, String fingerprint,
        T body) {

    /** Made from {@code triage.yml}. */
    static final String SHIPPED = "SHIPPED";

    /** Made by an administrator through the API. */
    static final String ADMIN = "ADMIN";
}
