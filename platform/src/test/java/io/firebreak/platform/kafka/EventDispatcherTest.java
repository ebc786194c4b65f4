package io.firebreak.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.EventType;
import io.firebreak.events.Topics;
import io.firebreak.platform.test.RecordedSpans;
import io.firebreak.platform.tracing.TraceHeaders;
import io.firebreak.platform.web.Correlation;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventDispatcherTest {

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PUBLISHER_SPAN = "b7ad6b7169203331";

    private final RecordedSpans recorded = new RecordedSpans(100);
    private final EventDispatcher dispatcher = new EventDispatcher(new EventCodec(), recorded.spans());

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theHandlerRunsInAConsumerSpanOfThePublishersTraceAndTheCallersCorrelationIsRestoredAfterwards() {
        TraceHeaders caller = new TraceHeaders("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);
        Correlation.begin("http-request-1", caller);
        List<String> seen = new ArrayList<>();

        dispatcher.dispatch(record(0), event -> {
            seen.add(Correlation.correlationId());
            seen.add(Correlation.traceId(Correlation.traceparent()));
            seen.add(MDC.get(Correlation.COMPLAINT_ID));
            seen.add(event.trace().spanId());
            seen.add(MDC.get(Correlation.SPAN_ID));
        });

        SpanData handling = recorded.inTrace(TRACE_ID).get(0);
        assertThat(handling.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(handling.getName()).isEqualTo("handle " + EventType.COMPLAINT_REOPENED.wireName());
        assertThat(handling.getParentSpanId()).isEqualTo(PUBLISHER_SPAN);
        // The handler, what it logs and what it publishes are in the consumer span, not the publisher's.
        assertThat(seen).containsExactly("upstream-7", TRACE_ID, "c-1", handling.getSpanId(), handling.getSpanId());
        assertThat(Correlation.correlationId()).isEqualTo("http-request-1");
        assertThat(Correlation.trace()).isEqualTo(caller);
        assertThat(MDC.get(Correlation.COMPLAINT_ID)).isNull();
    }

    @Test
    void onAConsumerThreadNothingIsLeftBehind() {
        dispatcher.dispatch(record(0), event -> {});
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void aFailingHandlersSpanEndsWithTheError() {
        assertThatThrownBy(() -> dispatcher.dispatch(record(0), event -> {
                    throw new IllegalStateException("store away");
                }))
                .hasMessage("store away");
        SpanData handling = recorded.inTrace(TRACE_ID).get(0);
        assertThat(handling.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(handling.hasEnded()).isTrue();
    }

    @Test
    void eachEventOfABatchIsHandledInItsOwnSpanWhichWithinPutsInTheMdc() {
        List<String> seen = new ArrayList<>();
        EventSubscription subscription = EventSubscription.to(List.of(Topics.FEEDBACK), event -> {})
                .inBatches(events -> events.forEach(
                        event -> EventDispatcher.within(event, () -> seen.add(MDC.get(Correlation.SPAN_ID)))));

        dispatcher.dispatchBatch(List.of(record(0), record(1)), subscription);

        List<SpanData> spans = recorded.inTrace(TRACE_ID);
        assertThat(spans).hasSize(2).allSatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
            assertThat(span.getParentSpanId()).isEqualTo(PUBLISHER_SPAN);
        });
        assertThat(seen)
                .containsExactlyInAnyOrderElementsOf(
                        spans.stream().map(SpanData::getSpanId).toList());
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    private static ConsumerRecord<String, String> record(long offset) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(
                Topics.FEEDBACK,
                0,
                offset,
                "c-1",
                "{\"complaintId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"reason\":\"unhappy\"}");
        Map.of(
                        CloudEvents.ID,
                        "e-" + offset,
                        CloudEvents.TYPE,
                        EventType.COMPLAINT_REOPENED.wireName(),
                        CloudEvents.CORRELATION_ID,
                        "upstream-7",
                        CloudEvents.TRACEPARENT,
                        "00-" + TRACE_ID + "-" + PUBLISHER_SPAN + "-01")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
