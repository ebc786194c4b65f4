package io.firebreak.platform.kafka;

import io.firebreak.platform.web.Correlation;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Reads a record into an event and hands it to a handler, with the event's correlation id and trace in the MDC. */
public class EventDispatcher {

    private final EventCodec codec;

    public EventDispatcher(EventCodec codec) {
        this.codec = codec;
    }

    public void dispatch(ConsumerRecord<String, String> record, EventHandler handler) {
        Correlation.begin(CloudEvents.header(record.headers(), CloudEvents.CORRELATION_ID),
                CloudEvents.header(record.headers(), CloudEvents.TRACEPARENT));
        Correlation.complaint(record.key());
        try {
            codec.read(record).ifPresent(handler::handle);
        } finally {
            Correlation.end();
        }
    }
}
