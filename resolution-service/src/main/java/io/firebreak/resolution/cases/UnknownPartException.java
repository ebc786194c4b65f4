package io.firebreak.resolution.cases;

/** A part of a case (a task, a promise) by an id the case does not have (answered 404). */
class UnknownPartException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String part;
    private final String id;

    private UnknownPartException(String complaintId, String part, String id) {
        super("Case " + complaintId + " has no " + part + " " + id);
        this.part = part;
        this.id = id;
    }

    static UnknownPartException task(String complaintId, String taskId) {
        return new UnknownPartException(complaintId, "task", taskId);
    }

    static UnknownPartException promise(String complaintId, String promiseId) {
        return new UnknownPartException(complaintId, "promise", promiseId);
    }

    /** What kind of part: {@code task} or {@code promise}. */
    String part() {
        return part;
    }

    String id() {
        return id;
    }
}
