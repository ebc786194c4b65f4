package io.firebreak.standalone;

import io.firebreak.platform.test.RecordedSpans;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * In the tests, every application of the standalone system records the spans it ends into one shared
 * {@link RecordedSpans} (an in-memory exporter): Spring Boot's OpenTelemetry setup takes up every span processor bean.
 */
@AutoConfiguration
public class RecordedSpansConfiguration {

    /** The newest spans of the whole test run, across the applications. */
    static final RecordedSpans RECORDED = new RecordedSpans(20_000);

    @Bean
    RecordedSpans recordedSpans() {
        return RECORDED;
    }
}
