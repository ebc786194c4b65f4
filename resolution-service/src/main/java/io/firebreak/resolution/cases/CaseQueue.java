package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.CaseState;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.conversions.Bson;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The work queue: cases ordered by the nearest due time (first response while unacknowledged, else resolution;
 * cases without one last), paged by a cursor on (due time, id) so a page never repeats or skips a case.
 */
@Component
class CaseQueue {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final AggregateStore<ComplaintCase> store;

    CaseQueue(AggregateStore<ComplaintCase> store) {
        this.store = store;
    }

    /** One page of the queue and the cursor of the next (null on the last page). */
    record Page<V>(List<V> items, String nextCursor) {}

    /** A validated queue request; {@link #parse} answers 400 naming every bad parameter. */
    record Query(String owner, String department, CaseState state, Instant dueBefore, int limit, Position after) {

        static Query parse(String owner, String department, String state, String dueBefore, String limit,
                String cursor) {
            List<Map<String, String>> errors = new ArrayList<>();
            CaseState parsedState = null;
            if (state != null) {
                try {
                    parsedState = CaseState.valueOf(state);
                } catch (IllegalArgumentException e) {
                    errors.add(error("state", "must be one of " + List.of(CaseState.values())));
                }
            }
            Instant parsedDue = null;
            if (dueBefore != null) {
                try {
                    parsedDue = Instant.parse(dueBefore);
                } catch (DateTimeParseException e) {
                    errors.add(error("dueBefore", "must be an ISO-8601 instant, e.g. 2026-11-23T08:00:00Z"));
                }
            }
            int parsedLimit = DEFAULT_LIMIT;
            if (limit != null) {
                try {
                    parsedLimit = Integer.parseInt(limit);
                } catch (NumberFormatException e) {
                    parsedLimit = -1;
                }
                if (parsedLimit < 1 || parsedLimit > MAX_LIMIT) {
                    errors.add(error("limit", "must be a whole number from 1 to " + MAX_LIMIT));
                }
            }
            Position after = null;
            if (cursor != null) {
                after = Position.decode(cursor);
                if (after == null) errors.add(error("cursor", "is not a cursor this queue gave"));
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", "Bad query parameters: "
                        + String.join(", ", errors.stream().map(e -> e.get("field")).toList()))
                        .with("errors", errors);
            }
            return new Query(blankToNull(owner), blankToNull(department), parsedState, parsedDue, parsedLimit,
                    after);
        }

        private static Map<String, String> error(String field, String reason) {
            return Map.of("field", field, "reason", reason);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    /** Where a page ended: the last case's queue order and id. */
    record Position(long order, String id) {

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((order + ":" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int colon = raw.indexOf(':');
                if (colon < 1 || colon == raw.length() - 1) return null;
                return new Position(Long.parseLong(raw.substring(0, colon)), raw.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    <V> Page<V> page(Query query, Function<ComplaintCase, V> view) {
        List<Bson> filters = new ArrayList<>();
        if (query.owner() != null) filters.add(eq("owner", query.owner()));
        if (query.department() != null) filters.add(eq("department", query.department()));
        if (query.state() != null) filters.add(eq("state", query.state().name()));
        if (query.dueBefore() != null) filters.add(lt("queueOrder", query.dueBefore().toEpochMilli()));
        if (query.after() != null) {
            // From the cursor's place on (where the store's walk of the queue's index starts), and past the cursor.
            filters.add(gte("queueOrder", query.after().order()));
            filters.add(or(gt("queueOrder", query.after().order()), gt("_id", query.after().id())));
        }
        Bson filter = filters.isEmpty() ? Filters.empty() : and(filters);
        // One more than asked tells whether there is a next page.
        List<Versioned<ComplaintCase>> found =
                store.findAll(filter, Sorts.ascending("queueOrder", "_id"), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<Versioned<ComplaintCase>> page = more ? found.subList(0, query.limit()) : found;
        String next = null;
        if (more) {
            Versioned<ComplaintCase> last = page.get(page.size() - 1);
            next = new Position(last.value().queueOrder(), last.id()).encode();
        }
        return new Page<>(page.stream().map(v -> view.apply(v.value())).toList(), next);
    }
}
