package io.firebreak.gateway.alerts;

import org.springframework.stereotype.Component;

/** Alerts the gateway raises about its own work rather than from an event, e.g. a disabled webhook subscription. */
@Component
public class OperationalAlerts {

    private final AlertService service;

    OperationalAlerts(AlertService service) {
        this.service = service;
    }

    /** Stores and streams the alert once per {@code key} (a repeat with the same key is ignored). */
    public void raise(AlertKind kind, String summary, String summaryZh, String key) {
        service.raise(new AlertDraft(kind, null, null, null, summary, summaryZh), key);
    }
}
