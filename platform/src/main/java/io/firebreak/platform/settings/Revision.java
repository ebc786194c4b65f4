package io.firebreak.platform.settings;

import java.time.Instant;

/**
 * One stored version of a kind of settings (a rule set, a routing table, SLA targets…): its version id
 * ({@code rules-3}), its number, when and by whom it was made, whether it came from the shipped defaults or an
 * administrator, and the settings themselves.
 */
public record Revision<T>(
        String version, long revision, Instant createdAt, String createdBy, String source, String fingerprint, T body) {

    /** Made from the service's shipped settings file. */
    public static final String SHIPPED = "SHIPPED";

    /** Made by an administrator through the API. */
    public static final String ADMIN = "ADMIN";
}
