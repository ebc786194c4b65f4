package io.firebreak.intake.emotion;

/**
 * The kinds of signal the reader finds, each with the name a signal string starts with ({@code threat:律师}) and
 * how much it weighs towards the emotion level. Each kind counts once, however often it occurs.
 */
enum SignalKind {
    UPSET_WORD("upset-word", 1),
    ANGER_WORD("anger-word", 2),
    THREAT("threat", 2),
    REGULATOR("regulator", 2),
    MEDIA("media", 2),
    SUPERIOR("asks-for-superior", 1),
    SAFETY("safety", 1),
    /** Abuse aimed at the people answering: a difficult customer, not a difficult complaint. */
    ABUSE("abusive", 2),
    /** Praise that means the opposite ("Really top quality.", "效率真高"): upset said politely. */
    SARCASM("sarcasm", 1),
    /** Three or more messages within minutes: the customer is pressing (听语速). */
    MESSAGE_RATE("message-rate", 1),
    INTENSITY("intensity", 1),
    CAPS("caps", 1),
    REPEATED_CHARS("repeated-chars", 1),
    /** Weighs one per earlier contact on the same matter, at most two. */
    EARLIER_CONTACTS("earlier-contacts", 1);

    private final String label;
    private final int weight;

    SignalKind(String label, int weight) {
        this.label = label;
        this.weight = weight;
    }

    String label() {
        return label;
    }

    int weight() {
        return weight;
    }

    String signal(String evidence) {
        return label + ":" + evidence;
    }
}
