package io.firebreak.events;

/** Kafka topic names: one per producing service; dead letters go to {@code <topic>.dlt}. */
public final class Topics {

    public static final String INTAKE = "firebreak.intake";
    public static final String TRIAGE = "firebreak.triage";
    public static final String RESOLUTION = "firebreak.resolution";
    public static final String FEEDBACK = "firebreak.feedback";

    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public static final java.util.List<String> ALL = java.util.List.of(INTAKE, TRIAGE, RESOLUTION, FEEDBACK);

    private Topics() {}

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
