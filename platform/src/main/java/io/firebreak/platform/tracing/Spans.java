package io.firebreak.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The spans recorded where work crosses an edge that Spring's HTTP instrumentation does not see: an event published
 * from an outbox ({@link Span.Kind#PRODUCER}) and an event handled ({@link Span.Kind#CONSUMER}). A span's parent comes
 * from the {@link TraceHeaders} the work carries (an outbox entry's, a record's), and its own context goes on the
 * same way, so that one complaint's trace runs from the gateway through every Kafka hop to each service's handling.
 * Micrometer Tracing over OpenTelemetry records them (exported by OTLP where an endpoint is configured); with
 * {@link #NONE} nothing is recorded and the context a piece of work came with is carried on as it is.
 */
public final class Spans {

    public static final Spans NONE = new Spans(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Spans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A span started as a child of {@code parent} (a new trace if it has none), and the context it passes on. */
    public Started start(String name, Span.Kind kind, TraceHeaders parent) {
        Span.Builder builder = parent.isEmpty() ? tracer.spanBuilder() : propagator.extract(parent, TraceHeaders::get);
        Span span = builder.name(name).kind(kind).start();
        TraceHeaders own = headersOf(span);
        return new Started(span, own.isEmpty() ? parent : own);
    }

    /** The context of the span in scope (an HTTP request's, for instance), or none. */
    public TraceHeaders current() {
        Span span = tracer.currentSpan();
        return span == null ? TraceHeaders.NONE : headersOf(span);
    }

    private TraceHeaders headersOf(Span span) {
        Map<String, String> headers = new HashMap<>(2);
        propagator.inject(span.context(), headers, Map::put);
        return new TraceHeaders(headers.get(TraceHeaders.TRACEPARENT), headers.get(TraceHeaders.TRACESTATE));
    }

    /** A started span with the headers its children take; {@link #inScope()} makes it the current one. */
    public final class Started {
        private final Span span;
        private final TraceHeaders headers;

        private Started(Span span, TraceHeaders headers) {
            this.span = span;
            this.headers = headers;
        }

        public TraceHeaders headers() {
            return headers;
        }

        public Span span() {
            return span;
        }

        /** Makes the span the current one (what the logs show) until the scope is closed. */
        public Tracer.SpanInScope inScope() {
            return tracer.withSpan(span);
        }

        public void end(Throwable error) {
            if (error != null) span.error(error);
            span.end();
        }
    }
}
