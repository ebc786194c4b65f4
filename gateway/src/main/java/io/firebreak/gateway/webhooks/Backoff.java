package io.firebreak.gateway.webhooks;

import io.firebreak.gateway.GatewayProperties;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** The wait before the next attempt: exponential in the failed attempts so far, capped, less a random jitter. */
final class Backoff {

    private final GatewayProperties.Backoff settings;
    private final DoubleSupplier random;

    Backoff(GatewayProperties.Backoff settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** The wait after the {@code failures}-th failed attempt (1 for the first). */
    Duration after(int failures) {
        double millis = settings.initial().toMillis() * Math.pow(settings.multiplier(), Math.max(0, failures - 1));
        millis = Math.min(millis, settings.max().toMillis());
        millis = millis * (1.0 - settings.jitter() * random.getAsDouble());
        return Duration.ofMillis(Math.max(1, Math.round(millis)));
    }
}
