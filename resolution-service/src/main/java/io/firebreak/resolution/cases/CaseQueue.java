package io.firebreak.resolution.cases;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import io.firebreak.events.CaseState;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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

    /** The queue's order: the earliest due first (then id). */
    private static final AggregateStore.SortKey<ComplaintCase> DUE_FIRST =
            new AggregateStore.SortKey<>("queueOrder", false, ComplaintCase::queueOrder, order -> order);

    /** A validated queue request; {@link #parse} answers 400 naming every bad parameter. */
    record Query(String owner, String department, CaseState state, Instant dueBefore, int limit, PageCursor after) {

        static Query parse(
                String owner, String department, String state, String dueBefore, String limit, String cursor) {
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
            PageCursor after = null;
            if (cursor != null) {
                try {
                    after = PageCursor.decode(cursor);
                } catch (IllegalArgumentException e) {
                    errors.add(error("cursor", "is not a cursor from an earlier page of this list"));
                }
            }
            if (!errors.isEmpty()) {
                throw new ProblemException(
                                HttpStatus.BAD_REQUEST,
                                "Invalid request",
                                "Bad query parameters: "
                                        + String.join(
                                                ", ",
                                                errors.stream()
                                                        .map(e -> e.get("field"))
                                                        .toList()))
                        .with("errors", errors);
            }
            return new Query(blankToNull(owner), blankToNull(department), parsedState, parsedDue, parsedLimit, after);
        }

        private static Map<String, String> error(String field, String reason) {
            return Map.of("field", field, "reason", reason);
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value;
        }
    }

    <V> Page<V> page(Query query, Function<ComplaintCase, V> view) {
        List<Bson> filters = new ArrayList<>();
        if (query.owner() != null) filters.add(eq("owner", query.owner()));
        if (query.department() != null) filters.add(eq("department", query.department()));
        if (query.state() != null) filters.add(eq("state", query.state().name()));
        if (query.dueBefore() != null)
            filters.add(lt("queueOrder", query.dueBefore().toEpochMilli()));
        return store.page(filters.isEmpty() ? null : and(filters), DUE_FIRST, query.after(), query.limit())
                .map(v -> view.apply(v.value()));
    }
}
