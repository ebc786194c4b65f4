package io.firebreak.standalone;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %part}: the service (or broker, store) whose thread wrote the line; see {@link ServiceThreads}. */
public class PartLogConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        String part = ServiceThreads.currentPart();
        return part == null ? "firebreak" : part;
    }
}
