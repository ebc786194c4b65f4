package io.firebreak.standalone;

import static io.firebreak.standalone.SystemUnderTest.STEP;
import static io.firebreak.standalone.SystemUnderTest.api;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.firebreak.platform.security.Roles;
import io.firebreak.platform.test.TestApi;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * One complaint, one trace: what a caller's {@code traceparent} starts at the gateway runs through intake's request,
 * the outbox, every Kafka hop and each service's handling, as spans of one tree that every part of the system adds
 * to (recorded in memory here; OTLP where an endpoint is configured).
 */
class TracingE2EIT {

    private static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    @Test
    void aComplaintsTraceRunsFromTheGatewayThroughEveryKafkaHopToEachService() {
        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        byte[] traceBytes = new byte[16];
        byte[] spanBytes = new byte[8];
        random.nextBytes(traceBytes);
        random.nextBytes(spanBytes);
        String traceId = hex.formatHex(traceBytes);
        String callerSpan = hex.formatHex(spanBytes);
        TestApi.Response submitted = api().post(
                        "/api/v1/complaints",
                        Roles.AGENT,
                        """
                {"channel":"PHONE","customer":{"phone":"137%08d"},
                 "description":"The charger you sold me caught fire on the desk, there was smoke everywhere"}""".formatted(System.nanoTime() % 100_000_000L),
                        Map.of("traceparent", "00-" + traceId + "-" + callerSpan + "-01", "tracestate", "caller=e2e"));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);

        // Each hop, as it ends: intake answers the proxied request and publishes what it received; triage handles
        // that and publishes its classification, which resolution and the gateway (alerts) handle in turn.
        await().atMost(STEP).untilAsserted(() -> {
            List<SpanData> spans = RecordedSpansConfiguration.RECORDED.inTrace(traceId);
            assertThat(spans).anySatisfy(span -> assertSpan(span, "gateway", SpanKind.SERVER, "http post"));
            assertThat(spans).anySatisfy(span -> assertSpan(span, "intake", SpanKind.SERVER, "http post"));
            assertThat(spans)
                    .anySatisfy(span ->
                            assertSpan(span, "intake", SpanKind.PRODUCER, "publish firebreak.complaint.received"));
            assertThat(spans)
                    .anySatisfy(span ->
                            assertSpan(span, "triage", SpanKind.CONSUMER, "handle firebreak.complaint.received"));
            assertThat(spans)
                    .anySatisfy(span ->
                            assertSpan(span, "triage", SpanKind.PRODUCER, "publish firebreak.complaint.classified"));
            assertThat(spans)
                    .anySatisfy(span ->
                            assertSpan(span, "resolution", SpanKind.CONSUMER, "handle firebreak.complaint.classified"));
            assertThat(spans).anySatisfy(span -> assertSpan(span, "resolution", SpanKind.PRODUCER, "publish "));
            assertThat(spans)
                    .anySatisfy(span ->
                            assertSpan(span, "gateway", SpanKind.CONSUMER, "handle firebreak.complaint.classified"));
            assertThat(spans).anySatisfy(span -> assertSpan(span, "feedback", SpanKind.CONSUMER, "handle "));
        });
        List<SpanData> spans = RecordedSpansConfiguration.RECORDED.inTrace(traceId);
        System.out.println(
                "The trace of complaint " + submitted.json().get("id").asString() + ":\n" + tree(spans, callerSpan));

        // One tree: the gateway's request span is the caller's child, and every other span has its parent in it.
        Set<String> ids = spans.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
        assertThat(spans)
                .filteredOn(span -> !ids.contains(span.getParentSpanId()))
                .singleElement()
                .satisfies(root -> {
                    assertThat(root.getParentSpanId()).isEqualTo(callerSpan);
                    assertThat(root.getResource().getAttribute(SERVICE)).isEqualTo("gateway");
                    assertThat(root.getKind()).isEqualTo(SpanKind.SERVER);
                });
        assertThat(spans.stream()
                        .map(span -> span.getResource().getAttribute(SERVICE))
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("gateway", "intake", "triage", "resolution", "feedback");
        // The caller's tracestate travels with the trace (W3C), through the outbox and Kafka.
        assertThat(spans)
                .filteredOn(span -> span.getKind() == SpanKind.CONSUMER)
                .allSatisfy(
                        span -> assertThat(span.getSpanContext().getTraceState().get("caller"))
                                .isEqualTo("e2e"));
    }

    private static void assertSpan(SpanData span, String service, SpanKind kind, String namePrefix) {
        assertThat(span.getResource().getAttribute(SERVICE)).isEqualTo(service);
        assertThat(span.getKind()).isEqualTo(kind);
        assertThat(span.getName()).startsWith(namePrefix);
    }

    /** The trace as an indented tree: service, kind, name and duration of each span. */
    private static String tree(List<SpanData> trace, String parent) {
        StringBuilder out = new StringBuilder();
        appendChildren(trace, parent, 0, out);
        return out.toString();
    }

    private static void appendChildren(List<SpanData> trace, String parent, int depth, StringBuilder out) {
        trace.stream()
                .filter(span -> span.getParentSpanId().equals(parent))
                .sorted((a, b) -> Long.compare(a.getStartEpochNanos(), b.getStartEpochNanos()))
                .forEach(span -> {
                    out.append("  ".repeat(depth))
                            .append(span.getResource().getAttribute(SERVICE))
                            .append(' ')
                            .append(span.getKind())
                            .append(' ')
                            .append(span.getName())
                            .append(' ')
                            .append(String.format(
                                    "%.1f ms", (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6))
                            .append('\n');
                    appendChildren(trace, span.getSpanId(), depth + 1, out);
                });
    }
}
