package io.firebreak.resolution.cases;

/** A task id the case does not have (answered 404). */
class UnknownTaskException extends RuntimeException {

    private final String taskId;

    UnknownTaskException(String complaintId, String taskId) {
        super("Case " + complaintId + " has no task " + taskId);
        this.taskId = taskId;
    }

    String taskId() {
        return taskId;
    }
}
