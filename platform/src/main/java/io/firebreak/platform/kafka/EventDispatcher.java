package io.firebreak.platform.kafka;

import io.firebreak.platform.web.Correlation;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.MDC;

/** Reads a record into an event and hands it to a handler, with the event's correlation id and trace in the MDC. */
public class EventDispatcher {

    private final EventCodec codec;

    public EventDispatcher(EventCodec codec) {
        this.codec = codec;
    }

    public void dispatch(ConsumerRecord<String, String> record, EventHandler handler) {
        // A replay runs inside an HTTP request that has its own correlation: put it back afterwards.
        Map<String, String> outer = MDC.getCopyOfContextMap();
        Correlation.begin(CloudEvents.header(record.headers(), CloudEvents.CORRELATION_ID),
                CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT));
        Correlation.complaint(record.key());
        try {
            codec.read(record).ifPresent(handler::handle);
        } finally {
            Correlation.end();
            if (outer != null) MDC.setContextMap(outer);
        }
    }
}
