package io.firebreak.platform.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link Spans} on the tracer Spring Boot sets up (Micrometer Tracing over OpenTelemetry, W3C propagation). Traces
 * leave the process only where an OTLP endpoint is configured
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}); {@code management.tracing.sampling.probability}
 * says how many are recorded. Log lines carry the trace and span ids either way.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration"
        })
public class TracingConfiguration {

    @Bean
    Spans spans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? Spans.NONE : new Spans(t, p);
    }
}
