package io.firebreak.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.EventType;
import io.firebreak.events.Topics;
import io.firebreak.platform.web.Correlation;
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

    private final EventDispatcher dispatcher = new EventDispatcher(new EventCodec());

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void theHandlerRunsInTheEventsCorrelationAndTheCallersIsRestoredAfterwards() {
        Correlation.begin("http-request-1", null);
        String callerTrace = Correlation.traceparent();
        List<String> seen = new ArrayList<>();

        dispatcher.dispatch(record(), event -> {
            seen.add(Correlation.correlationId());
            seen.add(Correlation.traceId(Correlation.traceparent()));
            seen.add(MDC.get(Correlation.COMPLAINT_ID));
        });

        assertThat(seen).containsExactly("upstream-7", TRACE_ID, "c-1");
        assertThat(Correlation.correlationId()).isEqualTo("http-request-1");
        assertThat(Correlation.traceparent()).isEqualTo(callerTrace);
        assertThat(MDC.get(Correlation.COMPLAINT_ID)).isNull();
    }

    @Test
    void onAConsumerThreadNothingIsLeftBehind() {
        dispatcher.dispatch(record(), event -> {});
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    private static ConsumerRecord<String, String> record() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.FEEDBACK, 0, 0, "c-1",
                "{\"complaintId\":\"c-1\",\"occurredAt\":\"2026-01-01T00:00:00Z\",\"reason\":\"unhappy\"}");
        Map.of(CloudEvents.ID, "e-1",
                        CloudEvents.TYPE, EventType.COMPLAINT_REOPENED.wireName(),
                        CloudEvents.CORRELATION_ID, "upstream-7",
                        CloudEvents.TRACEPARENT, "00-" + TRACE_ID + "-b7ad6b7169203331-01")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
