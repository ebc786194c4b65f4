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
import io.firebreak.events.IntakeEvents.AttachmentAdded;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.IntakeEvents.ExternalRef;
import io.firebreak.events.IntakeEvents.ProposalAnswered;
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
import io.firebreak.platform.security.ClientVisibility;
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

    /**
     * What a submission came to: a new complaint, the open one it was merged into, or ({@code again}) the one
     * already received under the same external reference; and what to tell the caller.
     */
    record Submission(Versioned<Complaint> complaint, boolean merged, String notice, boolean again,
            List<Customer.PastComplaint> history) {

        /** {@code history}: the customer's, as it stands after the submission; null if not read. */
        Submission(Versioned<Complaint> complaint, boolean merged, String notice,
                List<Customer.PastComplaint> history) {
            this(complaint, merged, notice, false, history);
        }
    }

    /** A later message as stored, on the complaint as it now stands, and whether the emotion rose with it. */
    record Added(Versioned<Complaint> complaint, Complaint.Message message, boolean emotionRose) {}

    /**
     * Which complaints to list; null means any. {@code visibleTo} limits the list to what an integration client may
     * see; the external reference is the client's own when {@code visibleTo} is set, anyone's otherwise.
     */
    record Filter(ComplaintStatus status, ComplaintClass complaintClass, String department, String visibleTo,
            String externalSystem, String externalId) {

        Filter(ComplaintStatus status, ComplaintClass complaintClass, String department) {
            this(status, complaintClass, department, null, null, null);
        }
    }

    /** One page of the list, newest first, and where the next one starts (null on the last page). */
    record Page(List<Versioned<Complaint>> items, ListCursor next) {}

    private final AggregateStore<Complaint> complaints;
    private final CaseFiles caseFiles;
    private final CustomerDirectory customers;
    private final EmotionReader emotions;
    private final IntakeProperties.Duplicates duplicates;
    private final IntakeProperties.Caps caps;
    private final Clock clock;
    // Two submissions of one customer at once must not both miss each other and open the same matter twice.
    private final ReentrantLock[] customerLocks = new ReentrantLock[64];

    ComplaintIntake(CaseFiles store, CustomerDirectory customers, EmotionReader emotions, IntakeProperties properties,
            Clock clock) {
        this.complaints = store.store();
        this.caseFiles = store;
        this.customers = customers;
        this.emotions = emotions;
        this.duplicates = properties.duplicates();
        this.caps = properties.caps();
        this.clock = clock;
        for (int i = 0; i < customerLocks.length; i++) customerLocks[i] = new ReentrantLock();
    }

    /**
     * Takes a checked submission from {@code client} (the token subject): {@code channel} and {@code happenedAt}
     * are already parsed. A submission with an external reference the client used before is answered with the
     * complaint received for it; a unique index makes that hold for submissions at the same moment, too.
     */
    Submission submit(SubmitComplaint request, Channel channel, Instant happenedAt, Caller caller) {
        SubmitComplaint.ExternalRef external = request.externalRef();
        Complaint.ExternalRef externalRef = external == null ? null
                : new Complaint.ExternalRef(external.system().strip(), external.id().strip());
        String key = externalRef == null ? null
                : Complaint.externalKey(caller.name(), externalRef.system(), externalRef.id());
        if (key != null) {
            Optional<Versioned<Complaint>> known = byExternalKey(key);
            if (known.isPresent()) return again(known.get());
        }
        SubmitComplaint.CustomerRef ref = request.customer();
        var who = customers.identify(blankToNull(ref.id()), blankToNull(ref.name()), ref.phone(), ref.email(),
                caller.client());
        Incoming in = new Incoming(channel, request.description().strip(), blankToNull(request.productRef()),
                blankToNull(request.orderRef()), blankToNull(request.remedySought()), happenedAt);
        ReentrantLock lock = customerLocks[Math.floorMod(who.customerId().hashCode(), customerLocks.length)];
        lock.lock();
        try {
            if (key != null) {
                Optional<Versioned<Complaint>> known = byExternalKey(key);
                if (known.isPresent()) return again(known.get());
            }
            Instant now = now();
            // Read under the lock: the history holds every complaint of this customer received before.
            Versioned<Customer> customer = customers.find(who.customerId()).orElseThrow();
            List<Versioned<Complaint>> sameMatter = sameMatter(customer.value(), in, now);
            for (Versioned<Complaint> earlier : sameMatter) {
                // Merged only into a complaint the caller may see: a client is never told of another's.
                if (!earlier.value().isOpen() || !earlier.value().visibleTo(caller.client())) continue;
                Optional<Submission> merged = merge(earlier.id(), in, now, key, customer.value().complaints());
                if (merged.isPresent()) return merged.get();
            }
            return create(who, customer, in, sameMatter, now, caller, externalRef, key);
        } finally {
            lock.unlock();
        }
    }

    /** The complaint received (or merged into) under this external key, if any. */
    Optional<Versioned<Complaint>> byExternalKey(String key) {
        // Two lookups the store serves by index (the unique externalKey, the merged keys by _id) rather than one
        // $or over both fields; the earlier received wins, as the single query sorted by receivedAt gave.
        Optional<Versioned<Complaint>> received =
                complaints.findAll(eq("externalKey", key), Sorts.ascending("receivedAt"), 1).stream().findFirst();
        Optional<Versioned<Complaint>> merged = caseFiles.mergedInto(key).flatMap(complaints::find)
                .filter(c -> c.value().mergedExternalKeys().contains(key));
        if (received.isEmpty()) return merged;
        if (merged.isEmpty()) return received;
        return merged.get().value().receivedAt().isBefore(received.get().value().receivedAt()) ? merged : received;
    }

    private Submission again(Versioned<Complaint> known) {
        Correlation.complaint(known.id());
        log.info("Submission with a known external reference answered with complaint {}", known.id());
        return new Submission(known, false, "This ticket was received before as complaint " + known.id()
                + "; nothing new was stored.", true, null);
    }

    /** The parts of a submission intake keeps, normalised. */
    private record Incoming(Channel channel, String text, String productRef, String orderRef, String remedySought,
            Instant happenedAt) {}

    /** The customer's complaints on the same matter whose last activity is within the window, newest first. */
    private List<Versioned<Complaint>> sameMatter(Customer customer, Incoming in, Instant now) {
        Instant since = now.minus(duplicates.window());
        // Through the ids in the customer's history (their newest complaints, remembered under the same lock on
        // receipt): read by _id, which every store serves by index, not by a query on customerId over all complaints.
        List<String> ids = customer.complaints().stream().map(Customer.PastComplaint::complaintId).toList();
        if (ids.isEmpty()) return List.of();
        return complaints.findAll(Filters.in("_id", ids), Sorts.descending("receivedAt"), CANDIDATES).stream()
                .filter(c -> !lastActivity(c.value()).isBefore(since))
                .filter(c -> Matters.same(c.value(), in.orderRef(), in.productRef(), in.text(),
                        duplicates.similarity()))
                .toList();
    }

    private static Instant lastActivity(Complaint c) {
        return c.updatedAt() != null && c.updatedAt().isAfter(c.receivedAt()) ? c.updatedAt() : c.receivedAt();
    }

    private Submission create(CustomerDirectory.Identified who, Versioned<Customer> customer, Incoming in,
            List<Versioned<Complaint>> sameMatter, Instant now, Caller caller, Complaint.ExternalRef externalRef,
            String key) {
        List<String> earlier = sameMatter.stream().map(Versioned::id).toList();
        String client = caller.client();
        String id = ComplaintIds.next(clock);
        Correlation.complaint(id);
        Reading reading = emotions.read(in.text(), earlier.size(), in.remedySought() != null);
        String repeat = earlier.isEmpty() ? "" : "; repeat contact after " + String.join(", ", earlier);
        Complaint complaint = new Complaint(who.customerId(), who.maskedContact(), in.channel(), in.text(),
                in.productRef(), in.orderRef(), in.remedySought(), in.happenedAt(), reading.level(), reading.signals(),
                reading.stage(), earlier, List.of(), now, ComplaintStatus.RECEIVED, null, null, null, null,
                List.of(new Complaint.TimelineEntry("received-" + id, now, "firebreak.complaint.received", "intake",
                        "Received by " + in.channel() + (client == null ? " (taken by " + caller.name() + ")" : "")
                                + "; the customer reads " + describe(reading) + repeat
                                + (externalRef == null ? ""
                                        : "; ticket " + externalRef.system() + " " + externalRef.id()))),
                now, client, externalRef, key, List.of(), List.of(), List.of());
        ComplaintReceived received = new ComplaintReceived(id, now, in.channel(), who.customerId(),
                who.maskedContact(), in.text(), in.productRef(), in.orderRef(), in.remedySought(), reading.level(),
                reading.signals(), reading.stage(), in.happenedAt(), earlier, client,
                externalRef == null ? null : new ExternalRef(externalRef.system(), externalRef.id()));
        Optional<Versioned<Complaint>> stored = complaints.create(id, complaint, List.of(received), null);
        if (stored.isEmpty()) {
            // Another instance received the same ticket at the same moment: the unique index let one through.
            if (key != null) {
                Optional<Versioned<Complaint>> known = byExternalKey(key);
                if (known.isPresent()) return again(known.get());
            }
            throw new IllegalStateException("Complaint " + id + " could not be stored: its id is taken");
        }
        Versioned<Customer> remembered = customers.remember(customer, complaint.pastComplaint(id));
        log.info("Complaint received on {} from customer {}: {}, stage {}{}", in.channel(), who.customerId(),
                reading.level(), reading.stage(), earlier.isEmpty() ? "" : ", repeat contact");
        // The caller hears of the earlier complaints it may see; a repeat contact triage still learns of.
        List<String> told = sameMatter.stream().filter(c -> c.value().visibleTo(caller.client()))
                .map(Versioned::id).toList();
        String notice = told.isEmpty() ? null
                : "The customer complained about this matter before (" + String.join(", ", told)
                        + "): this is a repeat contact.";
        return new Submission(stored.get(), false, notice, remembered.value().complaints());
    }

    /**
     * Adds the submission to the open complaint (one the caller may see) as a message; empty if it was closed in the
     * meantime. The submission's external reference is remembered so that its retry finds the complaint rather than
     * merging twice.
     */
    private Optional<Submission> merge(String openId, Incoming in, Instant now, String key,
            List<Customer.PastComplaint> history) {
        Correlation.complaint(openId);
        String messageId = newMessageId();
        Versioned<Complaint> updated = complaints.update(openId, current -> {
            Complaint c = current.value();
            if (!c.isOpen() || c.messages().size() >= caps.messages()) return null;
            if (key != null && (key.equals(c.externalKey()) || c.mergedExternalKeys().contains(key))) return null;
            int contacts = c.contactsBefore(duplicates.sameContactWithin())
                    + (c.comesBack(now, duplicates.sameContactWithin()) ? 1 : 0);
            Reading reading = emotions.read(in.text(), contacts, in.remedySought() != null);
            Complaint filled = c.withBlanksFilled(in.productRef(), in.orderRef(), in.remedySought(), in.happenedAt());
            if (key != null) filled = filled.withMergedExternalKey(key);
            return withMessage(openId, filled, messageId, in.channel(), in.text(), true, reading, now).change();
        }).orElseThrow();
        if (key != null && updated.value().mergedExternalKeys().contains(key)) caseFiles.rememberMergedKey(key, openId);
        if (updated.value().messages().stream().noneMatch(m -> m.id().equals(messageId))) {
            boolean known = key != null
                    && (key.equals(updated.value().externalKey())
                            || updated.value().mergedExternalKeys().contains(key));
            return known ? Optional.of(again(updated)) : Optional.empty();
        }
        log.info("Duplicate submission from customer {} merged into open complaint {}", updated.value().customerId(),
                openId);
        return Optional.of(new Submission(updated, true, "This matter is already open as complaint " + openId
                + "; the submission was added to it as a message instead of opening a second complaint.", history));
    }

    /**
     * Stores the customer's later message on an open complaint and announces it (and a rise in emotion). With
     * {@code visibleTo}, a complaint that integration client may not see is not found.
     */
    Added addMessage(String id, String text, Channel channel, String visibleTo) {
        Correlation.complaint(id);
        String messageId = newMessageId();
        Instant now = now();
        boolean[] rose = new boolean[1];
        Versioned<Complaint> updated = complaints.update(id, current -> {
            Complaint c = current.value();
            if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
            if (!c.isOpen()) {
                throw ProblemException.conflict("Complaint " + id + " is closed; a new matter is a new complaint.")
                        .with("id", id);
            }
            requireRoom(id, "messages", c.messages().size(), caps.messages());
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

    /** The complaint, if {@code visibleTo} (an integration client; null for anyone) may see it; else 404. */
    Versioned<Complaint> get(String id, String visibleTo) {
        Versioned<Complaint> complaint = get(id);
        if (!complaint.value().visibleTo(visibleTo)) {
            throw ProblemException.notFound("Complaint", id);
        }
        return complaint;
    }

    /** Shares the complaint with an integration client and announces it; sharing it again changes nothing. */
    Versioned<Complaint> share(String id, String client, String by) {
        Correlation.complaint(id);
        Instant now = now();
        return complaints.update(id, current -> {
            Complaint c = current.value();
            if (c.visibleTo(client)) return null;
            requireRoom(id, "shares", c.sharedWith().size(), caps.shares());
            Complaint next = c.sharedWith(client).withTimeline(new Complaint.TimelineEntry("shared-" + client, now,
                    "firebreak.complaint.shared", "intake", "Shared with " + client + " by " + by));
            return new Change<>(next, List.of(new ComplaintShared(id, now, client, by)));
        }).orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }

    /**
     * Forwards the customer's answer to the proposal, as a ticketing system reports it, to resolution (which owns
     * the case) by an event, after the check only intake can make: may this client act on the complaint? On the
     * timeline too. 404 as for messages, 409 when closed.
     */
    void answerProposal(String id, boolean accepted, String comment, String by, String visibleTo) {
        Correlation.complaint(id);
        Instant now = now();
        String entryId = "answer-" + UUID.randomUUID().toString().substring(0, 13);
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        complaints.update(id, current -> {
            Complaint c = current.value();
            if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
            if (!c.isOpen()) {
                throw ProblemException.conflict("Complaint " + id + " is closed; there is no proposal to answer.")
                        .with("id", id);
            }
            Complaint next = c.withTimeline(new Complaint.TimelineEntry(entryId, now, "firebreak.proposal.answered",
                    "intake", "The customer " + (accepted ? "accepted" : "rejected") + " the proposal (reported by "
                            + by + ")" + (text == null ? "" : ": " + clip(text))));
            return new Change<>(next, List.of(new ProposalAnswered(id, now, accepted, text, by)));
        }).orElseThrow(() -> ProblemException.notFound("Complaint", id));
        log.info("Answer to the proposal of complaint {} forwarded: {}", id, accepted ? "accepted" : "rejected");
    }

    /** Records an attachment's metadata on the complaint and announces it; 404 as for messages. */
    Complaint.Attachment addAttachment(String id, AddAttachment request, String by, String visibleTo) {
        Correlation.complaint(id);
        Instant now = now();
        String attachmentId = "att-" + UUID.randomUUID().toString().substring(0, 13);
        Complaint.Attachment attachment = new Complaint.Attachment(attachmentId, now, request.name().strip(),
                request.mediaType().strip().toLowerCase(java.util.Locale.ROOT), request.size(),
                request.checksum() == null ? null : request.checksum().strip(), request.url().strip(), by);
        complaints.update(id, current -> {
            Complaint c = current.value();
            if (!c.visibleTo(visibleTo)) throw ProblemException.notFound("Complaint", id);
            if (!c.isOpen()) {
                throw ProblemException.conflict("Complaint " + id + " is closed; it takes no more attachments.")
                        .with("id", id);
            }
            requireRoom(id, "attachments", c.attachments().size(), caps.attachments());
            Complaint next = c.withAttachment(attachment).withTimeline(new Complaint.TimelineEntry(attachmentId, now,
                    "firebreak.attachment.added", "intake", "Attachment " + attachment.name() + " ("
                            + attachment.mediaType() + ", " + attachment.size() + " bytes) at " + attachment.url()));
            return new Change<>(next, List.of(new AttachmentAdded(id, now, attachmentId, attachment.name(),
                    attachment.mediaType(), attachment.size(), attachment.checksum(), attachment.url(), by)));
        }).orElseThrow(() -> ProblemException.notFound("Complaint", id));
        log.info("Attachment {} recorded on complaint {}", attachmentId, id);
        return attachment;
    }

    /**
     * The customer's other complaints received before this one that {@code visibleTo} (an integration client; null
     * for anyone) may see, newest first.
     */
    List<Customer.PastComplaint> earlierOf(Versioned<Complaint> complaint, String visibleTo) {
        return earlierOf(complaint, visibleTo, null);
    }

    /** As {@link #earlierOf(Versioned, String)}, from the customer's {@code history} when the caller has it. */
    List<Customer.PastComplaint> earlierOf(Versioned<Complaint> complaint, String visibleTo,
            List<Customer.PastComplaint> history) {
        List<Customer.PastComplaint> all = history == null ? earlierOf(complaint) : earlier(complaint, history);
        if (visibleTo == null || all.isEmpty()) return all;
        List<String> visible = complaints.findAll(and(Filters.in("_id", all.stream()
                                .map(Customer.PastComplaint::complaintId).toList()),
                        ClientVisibility.filter(visibleTo)), Sorts.ascending("_id"),
                all.size()).stream().map(Versioned::id).toList();
        return all.stream().filter(p -> visible.contains(p.complaintId())).toList();
    }

    /** The customer's other complaints received before this one, newest first, as their history shows them. */
    List<Customer.PastComplaint> earlierOf(Versioned<Complaint> complaint) {
        return customers.find(complaint.value().customerId())
                .map(customer -> earlier(complaint, customer.value().complaints())).orElse(List.of());
    }

    private static List<Customer.PastComplaint> earlier(Versioned<Complaint> complaint,
            List<Customer.PastComplaint> history) {
        Instant received = complaint.value().receivedAt();
        return history.stream()
                .filter(p -> !p.complaintId().equals(complaint.id()))
                .filter(p -> p.receivedAt() != null && !p.receivedAt().isAfter(received))
                .limit(20)
                .toList();
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
        if (filter.visibleTo() != null) {
            conditions.add(ClientVisibility.filter(filter.visibleTo()));
        }
        if (filter.externalSystem() != null && filter.externalId() != null) {
            if (filter.visibleTo() != null) {
                String key = Complaint.externalKey(filter.visibleTo(), filter.externalSystem(), filter.externalId());
                conditions.add(or(eq("externalKey", key), eq("mergedExternalKeys", key)));
            } else {
                conditions.add(and(eq("externalRef.system", filter.externalSystem()),
                        eq("externalRef.id", filter.externalId())));
            }
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

    /** 409 once the complaint holds {@code cap} of {@code what}: a bounded case file, whoever keeps sending. */
    private static void requireRoom(String id, String what, int held, int cap) {
        if (held >= cap) {
            throw ProblemException.conflict("Complaint " + id + " holds " + held + " " + what + ", the most it may"
                    + " hold.").with("id", id).with("cap", cap);
        }
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
