package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.tracing.TraceHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class CorrelationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String SPAN = "00f067aa0ba902b7";
    private static final TraceHeaders TRACE = new TraceHeaders("00-" + TRACE_ID + "-" + SPAN + "-01", "vendor=x");

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void beginKeepsAValidCorrelationIdAndTheTraceItRunsIn() {
        Correlation.begin("req-42", TRACE);
        assertThat(Correlation.correlationId()).isEqualTo("req-42");
        assertThat(Correlation.trace()).isEqualTo(TRACE);
        // What the log lines show.
        assertThat(MDC.get(Correlation.TRACE_ID)).isEqualTo(TRACE_ID);
        assertThat(MDC.get(Correlation.SPAN_ID)).isEqualTo(SPAN);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "garbage",
                "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
                "00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g"
            })
    void anInvalidTraceparentHasNoTraceOrSpanId(String invalid) {
        assertThat(Correlation.traceId(invalid)).isNull();
        Correlation.begin("req-1", new TraceHeaders(invalid, null));
        assertThat(MDC.get(Correlation.TRACE_ID)).isNull();
        assertThat(MDC.get(Correlation.SPAN_ID)).isNull();
    }

    @Test
    void beginReplacesAMissingOrUnsafeCorrelationId() {
        Correlation.begin(null, TraceHeaders.NONE);
        String made = Correlation.correlationId();
        assertThat(made).isNotBlank();
        assertThat(Correlation.trace()).isEqualTo(TraceHeaders.NONE);

        Correlation.begin("bad id\r\nX-Injected: yes", TraceHeaders.NONE);
        assertThat(Correlation.correlationId())
                .isNotBlank()
                .doesNotContain(" ", "\n")
                .isNotEqualTo(made);
        Correlation.begin("ticket:ZD_1.2-a", TraceHeaders.NONE);
        assertThat(Correlation.correlationId()).isEqualTo("ticket:ZD_1.2-a");
        Correlation.begin("slash/id", TraceHeaders.NONE);
        assertThat(Correlation.correlationId()).isNotEqualTo("slash/id");
        Correlation.begin("x".repeat(129), TraceHeaders.NONE);
        assertThat(Correlation.correlationId()).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void beginWithoutATraceClearsTheOneBefore() {
        Correlation.begin("req-1", TRACE);
        Correlation.begin("req-2", TraceHeaders.NONE);
        assertThat(Correlation.trace()).isEqualTo(TraceHeaders.NONE);
        assertThat(MDC.get(Correlation.TRACE_ID)).isNull();
    }

    @Test
    void endClearsTheWork() {
        Correlation.begin("req-1", TRACE);
        Correlation.complaint("c-1");
        assertThat(MDC.get(Correlation.COMPLAINT_ID)).isEqualTo("c-1");
        Correlation.end();
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }
}
