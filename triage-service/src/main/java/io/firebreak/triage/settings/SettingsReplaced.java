package io.firebreak.triage.settings;

/**
 * Published in this service when an ADMIN made new rules or a new routing table active here: what is computed once
 * per active version (the active settings' reading of the labelled complaints, for dry runs) may be made again now.
 *
 * @param kind {@code rules} or {@code routing}
 */
public record SettingsReplaced(String kind) {}
