package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class CorrelationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
    private static final String FORMAT = "00-[0-9a-f]{32}-[0-9a-f]{16}-01";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void aChildKeepsTheTraceIdAndGetsANewSpan() {
        String child = Correlation.childOf(PARENT);
        assertThat(child).matches(FORMAT);
        assertThat(Correlation.traceId(child)).isEqualTo(TRACE_ID);
        assertThat(child.substring(36, 52)).isNotEqualTo("00f067aa0ba902b7");
        assertThat(Correlation.childOf(PARENT)).isNotEqualTo(child);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "garbage",
        "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01",
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"
    })
    void invalidInputStartsANewTrace(String invalid) {
        String fresh = Correlation.childOf(invalid);
        assertThat(fresh).matches(FORMAT);
        assertThat(Correlation.traceId(fresh)).isNotEqualTo(TRACE_ID).isNotNull();
        assertThat(Correlation.traceId(invalid)).isNull();
        assertThat(Correlation.traceId(Correlation.childOf(invalid))).isNotEqualTo(Correlation.traceId(fresh));
    }

    @Test
    void beginKeepsAValidCorrelationIdAndContinuesTheTrace() {
        Correlation.begin("req-42", PARENT);
        assertThat(Correlation.correlationId()).isEqualTo("req-42");
        assertThat(Correlation.traceId(Correlation.traceparent())).isEqualTo(TRACE_ID);
        assertThat(Correlation.traceparent()).isNotEqualTo(PARENT);
    }

    @Test
    void beginReplacesAMissingOrUnsafeCorrelationId() {
        Correlation.begin(null, null);
        String made = Correlation.correlationId();
        assertThat(made).isNotBlank();
        assertThat(Correlation.traceparent()).matches(FORMAT);

        Correlation.begin("bad id\r\nX-Injected: yes", null);
        assertThat(Correlation.correlationId()).isNotBlank().doesNotContain(" ", "\n").isNotEqualTo(made);
        Correlation.begin("x".repeat(129), null);
        assertThat(Correlation.correlationId()).hasSizeLessThanOrEqualTo(128);
    }

    @Test
    void endClearsTheWork() {
        Correlation.begin("req-1", PARENT);
        Correlation.complaint("c-1");
        assertThat(MDC.get(Correlation.COMPLAINT_ID)).isEqualTo("c-1");
        Correlation.end();
        assertThat(Correlation.correlationId()).isNull();
        assertThat(Correlation.traceparent()).isNull();
        assertThat(MDC.get(Correlation.COMPLAINT_ID)).isNull();
    }
}
