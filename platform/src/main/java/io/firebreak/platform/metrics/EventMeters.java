package io.firebreak.platform.metrics;

import io.firebreak.events.Dimension;
import io.firebreak.events.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain's metrics, from the events a service publishes: each event type is a counter named after it
 * ({@code firebreak.complaint.classified} → {@code firebreak_complaint_classified_total}), tagged with the event's
 * dimensions — its enum and yes/no components and those marked {@link Dimension} ({@code complaint_class="MAJOR"},
 * {@code trigger="reclassified"}; {@code none} when absent) — and each whole-number component is a distribution
 * ({@code firebreak.followup.recorded.score}). So complaints received by channel, classified by class,
 * reclassified, SLA warnings and breaches by clock, reopens, closures by outcome and satisfaction all come from
 * the one place every event passes, and a new event type is counted without code.
 */
public final class EventMeters {

    private static final String NONE = "none";

    private final MeterRegistry registry;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Shape> shapes = new ConcurrentHashMap<>();

    public EventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** What is counted of one event type: its metric's name, its dimensions and its measures (JSON field → name). */
    record Shape(String metric, List<Field> dimensions, List<Field> measures) {}

    record Field(String json, String name) {}

    /** Counts one published event of the given wire type; an unknown type is counted by its name alone. */
    public void published(String type, String payload) {
        Shape shape = shapes.computeIfAbsent(type, EventMeters::shapeOf);
        JsonNode event = shape.dimensions().isEmpty() && shape.measures().isEmpty() ? null : parse(payload);
        List<String> tags = new ArrayList<>(shape.dimensions().size() * 2);
        for (Field dimension : shape.dimensions()) {
            JsonNode value = event == null ? null : event.get(dimension.json());
            tags.add(dimension.name());
            tags.add(value == null || value.isNull() ? NONE : value.asString());
        }
        Counter.builder(shape.metric())
                .description("Events published: " + type)
                .tags(Tags.of(tags.toArray(String[]::new)))
                .register(registry)
                .increment();
        for (Field measure : shape.measures()) {
            JsonNode value = event == null ? null : event.get(measure.json());
            if (value != null && value.isNumber()) {
                DistributionSummary.builder(shape.metric() + "." + measure.name())
                        .register(registry)
                        .record(value.asDouble());
            }
        }
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (RuntimeException e) {
            return null; // counted without its dimensions: a metric never stops a publish
        }
    }

    static Shape shapeOf(String wireName) {
        String metric = wireName.startsWith("firebreak.") ? wireName : "firebreak." + wireName;
        List<Field> dimensions = new ArrayList<>();
        List<Field> measures = new ArrayList<>();
        EventType.fromWireName(wireName).ifPresent(type -> {
            for (RecordComponent c : type.payloadType().getRecordComponents()) {
                Class<?> t = c.getType();
                if (t.isEnum() || t == boolean.class || t == Boolean.class || c.isAnnotationPresent(Dimension.class)) {
                    dimensions.add(new Field(c.getName(), snake(c.getName())));
                } else if (t == int.class || t == long.class) {
                    measures.add(new Field(c.getName(), snake(c.getName())));
                }
            }
        });
        return new Shape(metric, List.copyOf(dimensions), List.copyOf(measures));
    }

    /** {@code complaintClass} → {@code complaint_class}. */
    static String snake(String name) {
        StringBuilder s = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) s.append('_').append(Character.toLowerCase(c));
            else s.append(c);
        }
        return s.toString().toLowerCase(Locale.ROOT);
    }
}
