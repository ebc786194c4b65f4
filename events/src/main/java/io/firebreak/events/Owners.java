package io.firebreak.events;

/**
 * How the events name who owns a complaint: a person by their login, or a department's queue as {@code queue:BILLING}
 * when nobody on the roster could take it or its owner handed it back (the department's supervisor then chooses).
 */
public final class Owners {

    /** The prefix of an owner that is a queue. */
    public static final String QUEUE = "queue:";

    private Owners() {}

    /** The owner that is the queue of {@code department}. */
    public static String queue(String department) {
        return QUEUE + department;
    }

    /** Whether {@code owner} is a queue, not a person. */
    public static boolean isQueue(String owner) {
        return owner != null && owner.startsWith(QUEUE);
    }
}
