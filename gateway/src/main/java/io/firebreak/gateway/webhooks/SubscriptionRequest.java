package io.firebreak.gateway.webhooks;

import java.util.List;

/**
 * What a client may send to create or replace a subscription; nothing else is bound. {@code secret} may be left
 * out (one is made and shown once); {@code active} false disables, true enables again (a replace only).
 */
record SubscriptionRequest(String url, List<String> eventTypes, Filters filters, String secret, Boolean active) {

    /** Only events of complaints of these classes, or of these (primary) departments; empty means any. */
    record Filters(List<String> classes, List<String> departments) {}
}
