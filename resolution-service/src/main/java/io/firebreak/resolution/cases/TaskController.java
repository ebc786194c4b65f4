package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.CaseState;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.resolution.cases.CaseController.TaskView;
import io.firebreak.resolution.cases.ComplaintCase.Task;
import io.firebreak.resolution.cases.ComplaintCase.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A department's (or an agent's) tasks across cases, nearest due time first: what a secondary department has to
 * do for complaints it does not own.
 */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    /** The most cases one list reads; beyond, the answer says it is cut short ({@code truncated}). */
    static final int MAX_CASES_READ = 5000;

    private final AggregateStore<ComplaintCase> store;
    private final Clock clock;

    TaskController(AggregateStore<ComplaintCase> store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** One task with the case it belongs to. */
    record CaseTask(String complaintId, CaseState caseState, String caseOwner, TaskView task) {}

    /**
     * A page of the tasks found, nearest due time first (then case and task id), and where the next page starts
     * ({@code next}, null on the last); {@code truncated} when more cases hold matching tasks than one list reads
     * (narrow it by owner, or close tasks).
     */
    record Tasks(List<CaseTask> items, String next, boolean truncated) {}

    @GetMapping
    Tasks list(
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String open,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor) {
        boolean onlyOpen = open == null || Boolean.parseBoolean(open);
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw ProblemException.badRequest("open", "must be true or false");
        }
        int max = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                max = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                max = -1;
            }
            if (max < 1 || max > MAX_LIMIT) {
                throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        String dept = blankToNull(department);
        String who = blankToNull(owner);
        if (dept == null && who == null) {
            // Every task of every case is no one's list, and no bounded read.
            throw ProblemException.badRequest("department", "give a department or an owner (or both)");
        }
        List<Bson> match = new ArrayList<>();
        if (dept != null) match.add(eq("department", dept));
        if (who != null) match.add(eq("owner", who));
        if (onlyOpen) match.add(eq("status", TaskStatus.OPEN.name()));
        Bson filter = match.isEmpty() ? Filters.exists("tasks.0") : elemMatch("tasks", and(match));
        Instant now = clock.instant();
        List<CaseTask> found = new ArrayList<>();
        // Every case holding a matching task (indexed on the tasks' department and status); the tasks are then
        // ordered across cases by their own due times.
        List<Versioned<ComplaintCase>> cases = store.findAll(filter, Sorts.ascending("_id"), MAX_CASES_READ + 1);
        boolean truncated = cases.size() > MAX_CASES_READ;
        cases.stream().limit(MAX_CASES_READ).forEach(v -> {
            ComplaintCase c = v.value();
            for (Task t : c.tasks()) {
                if (dept != null && !dept.equals(t.department())) continue;
                if (who != null && !who.equals(t.owner())) continue;
                if (onlyOpen && !t.open()) continue;
                found.add(new CaseTask(c.complaintId(), c.state(), c.owner(), TaskView.of(t, now)));
            }
        });
        found.sort(Comparator.comparing(TaskController::placeOf, ORDER));
        if (cursor != null && !cursor.isBlank()) {
            Place after = placeOf(cursor.strip());
            found.removeIf(t -> ORDER.compare(placeOf(t), after) <= 0);
        }
        if (found.size() <= max) return new Tasks(found, null, truncated);
        List<CaseTask> page = List.copyOf(found.subList(0, max));
        Place last = placeOf(page.get(max - 1));
        String next = (last.due() == null ? "-" : String.valueOf(last.due().toEpochMilli())) + "|" + last.complaintId()
                + "|" + last.taskId();
        return new Tasks(
                page,
                java.util.Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(next.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                truncated);
    }

    /** A task's place in the list: its due time (none last), then its case, then its id. */
    private record Place(Instant due, String complaintId, String taskId) {}

    private static final Comparator<Place> ORDER = Comparator.comparing(
                    Place::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Place::complaintId)
            .thenComparing(Place::taskId);

    private static Place placeOf(CaseTask t) {
        return new Place(t.task().dueAt(), t.complaintId(), t.task().id());
    }

    /** The place a cursor (from an earlier page's {@code next}) names; 400 if it is none. */
    private static Place placeOf(String cursor) {
        try {
            String[] parts = new String(
                            java.util.Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\\|", 3);
            return new Place(
                    parts[0].equals("-") ? null : Instant.ofEpochMilli(Long.parseLong(parts[0])), parts[1], parts[2]);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw ProblemException.badRequest("cursor", "is not a cursor from an earlier page of this list");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
