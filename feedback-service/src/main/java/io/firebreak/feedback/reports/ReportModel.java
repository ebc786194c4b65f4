package io.firebreak.feedback.reports;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.PromiseKept;
import io.firebreak.events.ResolutionEvents.PromiseMade;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.feedback.prevention.KnownComplaints;
import io.firebreak.platform.kafka.ReceivedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Feedback's own read model for the reports, one document per complaint in {@code report_complaints}, built only
 * from the events it consumes (it reads no other service's database). Every update is idempotent: values are set,
 * firsts kept with {@code $min}, sets grown with {@code $addToSet}, and the status moves only to a later event's,
 * so a redelivery or events of one complaint arriving from several topics in any order give the same document.
 */
@Component
public class ReportModel implements KnownComplaints {

    private final MongoCollection<Document> complaints;

    ReportModel(MongoDatabase database) {
        this.complaints = database.getCollection("report_complaints");
        complaints.createIndex(Indexes.ascending("receivedAt"));
        complaints.createIndex(Indexes.ascending("firstResolvedAt"));
    }

    MongoCollection<Document> collection() {
        return complaints;
    }

    /** Whether feedback has heard of this complaint (any of its events). */
    @Override
    public boolean knows(String complaintId) {
        return complaints.find(eq("_id", complaintId)).first() != null;
    }

    @Override
    public Map<String, String> statuses(List<String> complaintIds) {
        Map<String, String> statuses = new HashMap<>();
        for (Document c : complaints.find(in("_id", complaintIds)).projection(Projections.include("status"))) {
            if (c.getString("status") != null) statuses.put(c.getString("_id"), c.getString("status"));
        }
        return statuses;
    }

    /** Applies one consumed event (those that concern no report are ignored). */
    public void apply(ReceivedEvent event) {
        applyAll(List.of(event));
    }

    /**
     * Applies the events of a poll with one bulk write: each update is idempotent and events may come in any
     * order, so they need not wait for each other. An update whose condition keeps it from the document it would
     * make (see {@link Writes#later}) is tried once more on its own.
     */
    public void applyAll(List<ReceivedEvent> events) {
        List<Write> writes = new ArrayList<>();
        for (ReceivedEvent event : events) writes(event, writes);
        if (writes.isEmpty()) return;
        try {
            complaints.bulkWrite(writes.stream().map(Write::model).toList(), new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) throw e;
                Write write = writes.get(error.getIndex());
                complaints.updateOne(write.filter(), write.update(), new UpdateOptions().upsert(!write.conditional()));
            }
        }
    }

    /** One update: {@code conditional} when it applies only to a document not newer than the event. */
    private record Write(Bson filter, Bson update, boolean conditional) {
        UpdateOneModel<Document> model() {
            return new UpdateOneModel<>(filter, update, new UpdateOptions().upsert(true));
        }
    }

    private void writes(ReceivedEvent event, List<Write> writes) {
        Writes w = new Writes(writes);
        switch (event.type()) {
            case COMPLAINT_RECEIVED -> {
                ComplaintReceived e = event.payloadAs(ComplaintReceived.class);
                w.set(
                        e.complaintId(),
                        Updates.combine(
                                Updates.set("channel", e.channel().name()),
                                Updates.set("receivedAt", date(e.occurredAt()))));
                w.status(e.complaintId(), "RECEIVED", e.occurredAt());
            }
            case COMPLAINT_CLASSIFIED -> {
                ComplaintClassified e = event.payloadAs(ComplaintClassified.class);
                w.later(
                        e.complaintId(),
                        "classifiedAt",
                        e.occurredAt(),
                        Updates.set("complaintClass", e.complaintClass().name()));
                w.status(e.complaintId(), "CLASSIFIED", e.occurredAt());
            }
            case RESPONSIBILITY_ASSIGNED -> {
                ResponsibilityAssigned e = event.payloadAs(ResponsibilityAssigned.class);
                List<Bson> updates = new ArrayList<>();
                updates.add(Updates.set("department", e.primaryDepartment()));
                if (e.firstResponseDue() != null)
                    updates.add(Updates.set("firstResponseDue", date(e.firstResponseDue())));
                if (e.resolutionDue() != null) updates.add(Updates.set("resolutionDue", date(e.resolutionDue())));
                w.later(e.complaintId(), "assignedAt", e.occurredAt(), Updates.combine(updates));
                w.status(e.complaintId(), "ASSIGNED", e.occurredAt());
            }
            case CASE_ACKNOWLEDGED -> {
                CaseAcknowledged e = event.payloadAs(CaseAcknowledged.class);
                w.set(e.complaintId(), Updates.min("firstResponseAt", date(e.occurredAt())));
                w.status(e.complaintId(), "ACKNOWLEDGED", e.occurredAt());
            }
            case CASE_RESOLVED -> {
                CaseResolved e = event.payloadAs(CaseResolved.class);
                w.set(
                        e.complaintId(),
                        Updates.combine(
                                Updates.min("firstResolvedAt", date(e.occurredAt())),
                                Updates.addToSet("resolutions", event.id()),
                                Updates.set("rootCause", e.rootCause())));
                w.status(e.complaintId(), "RESOLVED", e.occurredAt());
            }
            case SLA_BREACHED -> {
                SlaBreached e = event.payloadAs(SlaBreached.class);
                w.set(e.complaintId(), Updates.addToSet("breached", e.clock().name()));
            }
            case PROMISE_MADE -> {
                PromiseMade e = event.payloadAs(PromiseMade.class);
                w.set(e.complaintId(), Updates.addToSet("promises", e.promiseId()));
            }
            case PROMISE_KEPT -> {
                PromiseKept e = event.payloadAs(PromiseKept.class);
                if (e.onTime()) w.set(e.complaintId(), Updates.addToSet("promisesKept", e.promiseId()));
            }
            case PROMISE_BROKEN -> {
                PromiseBroken e = event.payloadAs(PromiseBroken.class);
                w.set(e.complaintId(), Updates.addToSet("promisesBroken", e.promiseId()));
            }
            case COMPLAINT_REOPENED -> {
                ComplaintReopened e = event.payloadAs(ComplaintReopened.class);
                w.set(e.complaintId(), Updates.addToSet("reopens", event.id()));
                w.status(e.complaintId(), "REOPENED", e.occurredAt());
            }
            case COMPLAINT_CLOSED -> {
                ComplaintClosed e = event.payloadAs(ComplaintClosed.class);
                w.set(
                        e.complaintId(),
                        Updates.combine(
                                Updates.set("closedAt", date(e.occurredAt())),
                                Updates.set("closure", e.outcome().name())));
                w.status(e.complaintId(), "CLOSED", e.occurredAt());
            }
            case FOLLOWUP_RECORDED -> {
                FollowUpRecorded e = event.payloadAs(FollowUpRecorded.class);
                w.set(
                        e.complaintId(),
                        Updates.addToSet(
                                "scores",
                                new Document("e", event.id())
                                        .append("score", e.score())
                                        .append("at", date(e.occurredAt()))));
            }
            default -> {
                // Messages, emotions, proposals and feedback's own bookkeeping are in no report.
            }
        }
    }

    /** The updates of one event, as {@link #applyAll} runs them. */
    private record Writes(List<Write> into) {

        void set(String id, Bson update) {
            into.add(new Write(eq("_id", id), update, false));
        }

        /**
         * The update only if this event is not older than the one that last set {@code timeField}: one write, which
         * also makes the document if there is none yet. If there is one that the condition does not match, the
         * upsert's insert meets its _id; the update is then tried once more on the document as it now is (it may
         * have been made by another event of the complaint at that moment), and does nothing if this event is older.
         */
        void later(String id, String timeField, Instant at, Bson update) {
            into.add(new Write(
                    and(eq("_id", id), or(exists(timeField, false), lte(timeField, date(at)))),
                    Updates.combine(update, Updates.set(timeField, date(at))),
                    true));
        }

        void status(String id, String status, Instant at) {
            later(id, "statusAt", at, Updates.set("status", status));
        }
    }

    private static Date date(Instant at) {
        return Date.from(at == null ? Instant.EPOCH : at);
    }
}
