package io.firebreak.events;

/**
 * Kafka topic names: one per producing service, and {@link #CUSTOMER} for what the customer is told (published by
 * intake, read only by whoever delivers it: the pipeline's consumers do not pay for a stream they do not need);
 * dead letters go to {@code <topic>.dlt}.
 */
public final class Topics {

    public static final String INTAKE = "firebreak.intake";
    public static final String TRIAGE = "firebreak.triage";
    public static final String RESOLUTION = "firebreak.resolution";
    public static final String FEEDBACK = "firebreak.feedback";
    public static final String CUSTOMER = "firebreak.customer";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final java.util.List<String> ALL = java.util.List.of(INTAKE, TRIAGE, RESOLUTION, FEEDBACK, CUSTOMER);

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
