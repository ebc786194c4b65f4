package io.firebreak.intake.complaint;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.intake.emotion.CustomerStages;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.intake.emotion.EmotionReader.Reading;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.Correlation;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives complaints as an experienced handler would: identifies the customer, reads the emotion and the stage,
 * merges a duplicate submission into the open complaint on the same matter (don't annoy me), marks a repeat
 * contact on a matter handled before, stores the case file and announces it. Later messages are read the same way.
 */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);
    private static final int CANDIDATES = 200;
    private static final int SUMMARY_TEXT = 200;

    /** What a submission came to: a new complaint, or the open one it was merged into; and what to tell the caller. */
    record Submission(Versioned<Complaint> complaint, boolean merged, String notice) {}

    /** A later message as stored, on the complaint as it now stands, and whether the emotion rose with it. */
    record Added(Versioned<Complaint> complaint, Complaint.Message message, boolean emotionRose) {}

    /** Which complaints to list; null means any. */
    record Filter(ComplaintStatus status, ComplaintClass complaintClass, String department) {}

    /** One page of the list, newest first, and where the next one starts (null on the last page). */
    record Page(List<Versioned<Complaint>> items, ListCursor next) {}

    private final AggregateStore<Complaint> complaints;
    private final CustomerDirectory customers;
    private final EmotionReader emotions;
    private final IntakeProperties.Duplicates duplicates;
    private final Clock clock;
    // Two submissions of one customer at once must not both miss each other and open the same matter twice.
    private final ReentrantLock[] customerLocks = new ReentrantLock[64];

    ComplaintIntake(CaseFiles store, CustomerDirectory customers, EmotionReader emotions, IntakeProperties properties,
            Clock clock) {
        this.complaints = store.store();
        this.customers = customers;
        this.emotions = emotions;
        this.duplicates = properties.duplicates();
        this.clock = clock;
        for (int i = 0; i < customerLocks.length; i++) customerLocks[i] = new ReentrantLock();
    }

    /** Takes a checked submission: {@code channel} and {@code happenedAt} are already parsed. */
    Submission submit(SubmitComplaint request, Channel channel, Instant happenedAt) {
        SubmitComplaint.CustomerRef ref = request.customer();
        var who = customers.identify(blankToNull(ref.id()), blankToNull(ref.name()), ref.phone(), ref.email());
        Incoming in = new Incoming(channel, request.description().strip(), blankToNull(request.productRef()),
                blankToNull(request.orderRef()), blankToNull(request.remedySought()), happenedAt);
        ReentrantLock lock = customerLocks[Math.floorMod(who.customerId().hashCode(), customerLocks.length)];
        lock.lock();
        try {
            Instant now = now();
            List<Versioned<Complaint>> sameMatter = sameMatter(who.customerId(), in, now);
            for (Versioned<Complaint> earlier : sameMatter) {
                if (!earlier.value().isOpen()) continue;
                Optional<Submission> merged = merge(earlier.id(), in, now);
                if (merged.isPresent()) return merged.get();
            }
            return create(who, in, sameMatter.stream().map(Versioned::id).toList(), now);
        } finally {
            lock.unlock();
        }
    }

    /** The parts of a submission intake keeps, normalised. */
    private record Incoming(Channel channel, String text, String productRef, String orderRef, String remedySought,
            Instant happenedAt) {}

    /** The customer's complaints on the same matter whose last activity is within the window, newest first. */
    private List<Versioned<Complaint>> sameMatter(String customerId, Incoming in, Instant now) {
        Instant since = now.minus(duplicates.window());
        return complaints.findAll(eq("customerId", customerId), Sorts.descending("receivedAt"), CANDIDATES).stream()
                .filter(c -> !lastActivity(c.value()).isBefore(since))
                .filter(c -> Matters.same(c.value(), in.orderRef(), in.productRef(), in.text(),
                        duplicates.similarity()))
                .toList();
    }

    private static Instant lastActivity(Complaint c) {
        return c.updatedAt() != null && c.updatedAt().isAfter(c.receivedAt()) ? c.updatedAt() : c.receivedAt();
    }

    private Submission create(CustomerDirectory.Identified who, Incoming in, List<String> earlier, Instant now) {
        String id = ComplaintIds.next(clock);
        Correlation.complaint(id);
        Reading reading = emotions.read(in.text(), earlier.size(), in.remedySought() != null);
        String repeat = earlier.isEmpty() ? "" : "; repeat contact after " + String.join(", ", earlier);
        Complaint complaint = new Complaint(who.customerId(), who.maskedContact(), in.channel(), in.text(),
                in.productRef(), in.orderRef(), in.remedySought(), in.happenedAt(), reading.level(), reading.signals(),
                reading.stage(), earlier, List.of(), now, ComplaintStatus.RECEIVED, null, null, null, null,
                List.of(new Complaint.TimelineEntry("received-" + id, now, "firebreak.complaint.received", "intake",
                        "Received by " + in.channel() + "; the customer reads " + describe(reading) + repeat)),
                now);
        ComplaintReceived received = new ComplaintReceived(id, now, in.channel(), who.customerId(),
                who.maskedContact(), in.text(), in.productRef(), in.orderRef(), in.remedySought(), reading.level(),
                reading.signals(), reading.stage(), in.happenedAt(), earlier);
        complaints.insert(id, complaint, List.of(received), null);
        customers.remember(who.customerId(), complaint.pastComplaint(id));
        log.info("Complaint received on {} from customer {}: {}, stage {}{}", in.channel(), who.customerId(),
                reading.level(), reading.stage(), earlier.isEmpty() ? "" : ", repeat contact");
        String notice = earlier.isEmpty() ? null
                : "The customer complained about this matter before (" + String.join(", ", earlier)
                        + "): this is a repeat contact.";
        return new Submission(complaints.find(id).orElseThrow(), false, notice);
    }

    /** Adds the submission to the open complaint as a message; empty if it was closed in the meantime. */
    private Optional<Submission> merge(String openId, Incoming in, Instant now) {
        Correlation.complaint(openId);
        String messageId = newMessageId();
        Versioned<Complaint> updated = complaints.update(openId, current -> {
            Complaint c = current.value();
            if (!c.isOpen()) return null;
            int contacts = c.contactsBefore(duplicates.sameContactWithin())
                    + (c.comesBack(now, duplicates.sameContactWithin()) ? 1 : 0);
            Reading reading = emotions.read(in.text(), contacts, in.remedySought() != null);
            Complaint filled = c.withBlanksFilled(in.productRef(), in.orderRef(), in.remedySought(), in.happenedAt());
            return withMessage(openId, filled, messageId, in.channel(), in.text(), true, reading, now).change();
        }).orElseThrow();
        if (updated.value().messages().stream().noneMatch(m -> m.id().equals(messageId))) return Optional.empty();
        log.info("Duplicate submission from customer {} merged into open complaint {}", updated.value().customerId(),
                openId);
        return Optional.of(new Submission(updated, true, "This matter is already open as complaint " + openId
                + "; the submission was added to it as a message instead of opening a second complaint."));
    }

    /** Stores the customer's later message on an open complaint and announces it (and a rise in emotion). */
    Added addMessage(String id, String text, Channel channel) {
        Correlation.complaint(id);
        String messageId = newMessageId();
        Instant now = now();
        boolean[] rose = new boolean[1];
        Versioned<Complaint> updated = complaints.update(id, current -> {
            Complaint c = current.value();
            if (!c.isOpen()) {
                throw ProblemException.conflict("Complaint " + id + " is closed; a new matter is a new complaint.")
                        .with("id", id);
            }
            Reading reading = emotions.read(text.strip(), c.contactsBefore(duplicates.sameContactWithin()), false);
            Outcome outcome = withMessage(id, c, messageId, channel != null ? channel : c.channel(), text.strip(),
                    false, reading, now);
            rose[0] = outcome.rose();
            return outcome.change();
        }).orElseThrow(() -> ProblemException.notFound("Complaint", id));
        Complaint.Message message = updated.value().messages().stream()
                .filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
        log.info("Message added to complaint {}: {}{}", id, message.emotion(),
                rose[0] ? ", emotion rose to " + updated.value().emotion() : "");
        return new Added(updated, message, rose[0]);
    }

    private record Outcome(Change<Complaint> change, boolean rose) {}

    /** The complaint with the message on its timeline, its emotion and stage risen if the message reads higher. */
    private static Outcome withMessage(String id, Complaint c, String messageId, Channel channel, String text,
            boolean merged, Reading reading, Instant now) {
        EmotionLevel before = c.emotion() == null ? EmotionLevel.CALM : c.emotion();
        boolean rose = reading.level().compareTo(before) > 0;
        CustomerStage stage = CustomerStages.higher(c.stage(), reading.stage());
        Complaint.Message message = new Complaint.Message(messageId, now, channel, text, merged, reading.level(),
                reading.signals());
        Complaint next = c.withMessage(message, stage).withTimeline(new Complaint.TimelineEntry(messageId, now,
                "firebreak.message.added", "intake", (merged ? "Duplicate submission merged" : "Customer wrote")
                        + " (" + channel + "): " + clip(text) + " - reads " + describe(reading)));
        List<FirebreakEvent> events = new ArrayList<>();
        events.add(new MessageAdded(id, now, channel, text, merged, reading.level(), reading.signals(), stage));
        if (rose) {
            events.add(new EmotionRose(id, now, before, reading.level(), reading.signals(), stage));
            next = next.withTimeline(new Complaint.TimelineEntry(messageId + "-rose", now, "firebreak.emotion.rose",
                    "intake", "Emotion rose from " + before + " to " + reading.level() + ", stage " + stage));
        }
        return new Outcome(new Change<>(next, List.copyOf(events)), rose);
    }

    Versioned<Complaint> get(String id) {
        return complaints.find(id).orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }

    /** The customer's other complaints received before this one, newest first, as their history shows them. */
    List<Customer.PastComplaint> earlierOf(Versioned<Complaint> complaint) {
        Complaint c = complaint.value();
        return customers.find(c.customerId()).map(customer -> customer.value().complaints().stream()
                        .filter(p -> !p.complaintId().equals(complaint.id()))
                        .filter(p -> p.receivedAt() != null && !p.receivedAt().isAfter(c.receivedAt()))
                        .limit(20)
                        .toList())
                .orElse(List.of());
    }

    /** Newest first (by receipt, then id), so that a page boundary stays put when new complaints arrive. */
    Page list(Filter filter, int limit, ListCursor after) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.status() != null) conditions.add(eq("status", filter.status().name()));
        if (filter.complaintClass() != null) {
            conditions.add(eq("classification.complaintClass", filter.complaintClass().name()));
        }
        if (filter.department() != null) {
            String exactly = "^" + filter.department() + "$";
            conditions.add(or(Filters.regex("owner.primaryDepartment", exactly, "i"),
                    Filters.regex("owner.secondaryDepartments", exactly, "i")));
        }
        if (after != null) {
            Date at = Date.from(after.receivedAt());
            conditions.add(or(lt("receivedAt", at), and(eq("receivedAt", at), lt("_id", after.id()))));
        }
        Bson query = conditions.isEmpty() ? Filters.empty() : and(conditions);
        List<Versioned<Complaint>> found = complaints.findAll(query,
                Sorts.orderBy(Sorts.descending("receivedAt"), Sorts.descending("_id")), limit + 1);
        if (found.size() <= limit) return new Page(found, null);
        Versioned<Complaint> last = found.get(limit - 1);
        return new Page(found.subList(0, limit), new ListCursor(last.value().receivedAt(), last.id()));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String describe(Reading reading) {
        return reading.level() + (reading.signals().isEmpty() ? "" : " (" + String.join(", ", reading.signals()) + ")")
                + ", stage " + reading.stage();
    }

    private static String newMessageId() {
        return "msg-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String clip(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return one.length() <= SUMMARY_TEXT ? one : one.substring(0, SUMMARY_TEXT - 1) + "…";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
