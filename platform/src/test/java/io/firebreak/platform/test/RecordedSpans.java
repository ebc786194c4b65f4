package io.firebreak.platform.test;

import io.firebreak.platform.tracing.Spans;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the spans that end, in memory (the newest {@code capacity}), as an exporter would send them: as a span
 * processor of an application's tracer (a bean of this type is taken up by Spring Boot's OpenTelemetry setup), or
 * behind {@link #spans()} for a test without Spring.
 */
public final class RecordedSpans implements SpanProcessor {

    private final ConcurrentLinkedDeque<SpanData> ended = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    public RecordedSpans(int capacity) {
        this.capacity = capacity;
    }

    /** {@link Spans} over a tracer of its own that records every span here. */
    public Spans spans() {
        Tracer tracer = SdkTracerProvider.builder()
                .setSampler(Sampler.alwaysOn())
                .addSpanProcessor(this)
                .build()
                .get("test");
        return new Spans(
                new OtelTracer(tracer, new OtelCurrentTraceContext(), event -> {}),
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), tracer));
    }

    /** The ended spans of this trace, in the order they ended. */
    public List<SpanData> inTrace(String traceId) {
        List<SpanData> spans = new ArrayList<>();
        for (SpanData span : ended) {
            if (span.getTraceId().equals(traceId)) spans.add(span);
        }
        return spans;
    }

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
        return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        ended.addLast(span.toSpanData());
        if (size.incrementAndGet() > capacity && ended.pollFirst() != null) size.decrementAndGet();
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }
}
