package io.firebreak.resolution.cases;

import io.firebreak.events.CaseState;
import io.firebreak.resolution.cases.ComplaintCase.Task;
import java.util.List;
import java.util.stream.Collectors;

/** The case cannot be resolved while required tasks are open (answered 409, naming them). */
class OpenTasksException extends IllegalTransitionException {
    private static final long serialVersionUID = 1L;

    private final List<Task> open;

    OpenTasksException(String complaintId, CaseState current, List<Task> open) {
        super(
                complaintId,
                current,
                "it cannot be resolved while required tasks are open: "
                        + open.stream()
                                .map(t -> t.id() + " (" + t.department() + ", " + t.what() + ", due " + t.dueAt() + ")")
                                .collect(Collectors.joining("; ")));
        this.open = List.copyOf(open);
    }

    List<Task> open() {
        return open;
    }
}
