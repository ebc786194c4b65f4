package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.intake.complaint.IntakeDecisions.Incoming;
import io.firebreak.intake.customer.Customer;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.Correlation;
import io.firebreak.platform.web.IdempotentRequests;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Receives complaints as an experienced handler would: identifies the customer, reads the emotion and the stage,
 * merges a duplicate submission into the open complaint on the same matter (don't annoy me), marks a repeat
 * contact on a matter handled before, stores the case file and announces it. Later messages are read the same way.
 * What it decides is {@link IntakeDecisions}'; what it reads, {@link ComplaintQueries}'; here, the order of reads
 * and writes, each once: a submission reads who its contacts name together with the customer's record, and (if they
 * have complaints) their recent ones, then writes the case file with its announcement and the customer's record (with
 * the keys of their contacts, for a new customer).
 */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    /** Ids drawn for one complaint before it is refused (with 200,000 a day, one draw in 5,000 is taken). */
    private static final int ID_ATTEMPTS = 5;

    private static final String TICKET = "ticket";

    /**
     * What a submission came to: a new complaint, the open one it was merged into, or ({@code again}) the one
     * already received under the same external reference; and what to tell the caller.
     */
    record Submission(
            Versioned<Complaint> complaint,
            boolean merged,
            String notice,
            boolean again,
            List<Customer.PastComplaint> history) {

        /** {@code history}: the customer's, as it stands after the submission; null if not read. */
        Submission(
                Versioned<Complaint> complaint, boolean merged, String notice, List<Customer.PastComplaint> history) {
            this(complaint, merged, notice, false, history);
        }
    }

    /**
     * A later message as stored, on the complaint as it now stands, whether the emotion rose with it, and where the
     * customer stands against the contacts a day agreed (null: none agreed).
     */
    record Added(
            Versioned<Complaint> complaint,
            Complaint.Message message,
            boolean emotionRose,
            IntakeDecisions.ContactPlan plan) {}

    private final AggregateStore<Complaint> complaints;
    private final CaseFiles caseFiles;
    private final CustomerDirectory customers;
    private final IntakeDecisions decide;
    private final ComplaintQueries queries;
    private final ComplaintIds ids;
    private final Clock clock;
    // Two submissions of one customer at once must not both miss each other and open the same matter twice.
    private final ReentrantLock[] customerLocks = new ReentrantLock[64];

    ComplaintIntake(
            CaseFiles store,
            CustomerDirectory customers,
            IntakeDecisions decide,
            ComplaintQueries queries,
            ComplaintIds ids,
            Clock clock) {
        this.complaints = store.store();
        this.caseFiles = store;
        this.customers = customers;
        this.decide = decide;
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
        for (int i = 0; i < customerLocks.length; i++) customerLocks[i] = new ReentrantLock();
    }

    /**
     * Takes a checked submission from {@code client} (the token subject): {@code channel} and {@code happenedAt}
     * are already parsed. A submission with an external reference the client used before is answered with the
     * complaint received for it; a unique index makes that hold for submissions at the same moment, too. So is a
     * retry of a submission with an {@code Idempotency-Key} ({@code submissionKey}, null without one), known from
     * the customer's recent complaints, read anyway, or else from the unique index when the complaint is written;
     * the same key with another submission is 422.
     */
    Submission submit(
            SubmitComplaint request, Channel channel, Instant happenedAt, Caller caller, SubmissionKey submissionKey) {
        SubmitComplaint.ExternalRef external = request.externalRef();
        Complaint.ExternalRef externalRef = external == null
                ? null
                : new Complaint.ExternalRef(
                        external.system().strip(), external.id().strip());
        String key = externalRef == null
                ? null
                : Complaint.externalKey(caller.name(), externalRef.system(), externalRef.id());
        if (key != null) {
            Optional<Versioned<Complaint>> known = queries.byExternalKey(key);
            if (known.isPresent()) return again(known.get(), TICKET);
        }
        SubmitComplaint.CustomerRef ref = request.customer();
        CustomerDirectory.Given who = customers.given(
                blankToNull(ref.id()), blankToNull(ref.name()), ref.phone(), ref.email(), caller.client());
        Incoming in = new Incoming(
                channel,
                request.description().strip(),
                blankToNull(request.productRef()),
                blankToNull(request.orderRef()),
                blankToNull(request.remedySought()),
                happenedAt);
        List<String> guarded = who.candidates();
        List<ReentrantLock> held = lock(guarded);
        try {
            if (key != null) {
                Optional<Versioned<Complaint>> known = queries.byExternalKey(key);
                if (known.isPresent()) return again(known.get(), TICKET);
            }
            Instant now = now();
            // Read under the lock: the history holds every complaint of this customer received before.
            CustomerDirectory.OnFile customer = customers.onFile(who, guarded);
            for (int attempt = 0; customer.unread() != null && attempt < 4; attempt++) {
                // The contacts name a customer the submission's own ids did not: theirs is the lock that counts.
                unlock(held);
                guarded = Stream.concat(guarded.stream(), Stream.of(customer.unread()))
                        .toList();
                held = lock(guarded);
                customer = customers.onFile(who, guarded);
            }
            List<Versioned<Complaint>> recent = queries.recent(customer.history());
            if (submissionKey != null) {
                for (Versioned<Complaint> earlier : recent) {
                    if (submissionKey.in(earlier.value()) != SubmissionKey.Held.NOT) {
                        return retried(earlier, submissionKey);
                    }
                }
            }
            List<Versioned<Complaint>> sameMatter = decide.sameMatter(recent, in, now);
            for (Versioned<Complaint> earlier : sameMatter) {
                // Merged only into a complaint the caller may see: a client is never told of another's.
                if (!earlier.value().isOpen() || !earlier.value().visibleTo(caller.client())) continue;
                Optional<Submission> merged = merge(earlier.id(), in, now, key, submissionKey, customer);
                if (merged.isPresent()) return merged.get();
            }
            return create(customer, in, recent, sameMatter, now, caller, externalRef, key, submissionKey);
        } finally {
            unlock(held);
        }
    }

    /**
     * Takes the locks of the customers a submission could be (a submission without a phone, an e-mail or an id of
     * its customer takes none: its customer is new), always in the same order, so that two submissions never wait
     * on each other.
     */
    private List<ReentrantLock> lock(List<String> customerIds) {
        List<ReentrantLock> locks = customerIds.stream()
                .map(id -> Math.floorMod(id.hashCode(), customerLocks.length))
                .distinct()
                .sorted()
                .map(i -> customerLocks[i])
                .toList();
        locks.forEach(ReentrantLock::lock);
        return locks;
    }

    private static void unlock(List<ReentrantLock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) locks.get(i).unlock();
    }

    /**
     * A retry of a submission with an {@code Idempotency-Key}: answered with the complaint it opened or was merged
     * into, as that now stands; the same key with another submission is refused.
     */
    private Submission retried(Versioned<Complaint> known, SubmissionKey submissionKey) {
        if (submissionKey.in(known.value()) == SubmissionKey.Held.OTHER) {
            throw IdempotentRequests.keyReused();
        }
        return again(known, "submission");
    }

    /** A {@code what} (a ticket, a submission) received before: answered with its complaint, nothing stored. */
    private Submission again(Versioned<Complaint> known, String what) {
        Correlation.complaint(known.id());
        log.info("This {} was received before: answered with complaint {}", what, known.id());
        return new Submission(
                known,
                false,
                "This " + what + " was received before as complaint " + known.id() + "; nothing new was stored.",
                true,
                null);
    }

    private Submission create(
            CustomerDirectory.OnFile customer,
            Incoming in,
            List<Versioned<Complaint>> recent,
            List<Versioned<Complaint>> sameMatter,
            Instant now,
            Caller caller,
            Complaint.ExternalRef externalRef,
            String key,
            SubmissionKey submissionKey) {
        List<String> earlier = sameMatter.stream().map(Versioned::id).toList();
        IntakeDecisions.Complainant complainant = new IntakeDecisions.Complainant(
                customer.customerId(),
                customer.maskedContact(),
                IntakeDecisions.handling(
                        customer.record() == null ? null : customer.record().value(), recent));
        String id = null;
        Optional<Versioned<Complaint>> stored = Optional.empty();
        // An id is six random characters a day: among a day's many it is now and then one given before, and the
        // complaint is stored under another rather than refused.
        for (int attempt = 0; stored.isEmpty() && attempt < ID_ATTEMPTS; attempt++) {
            id = ids.next();
            Correlation.complaint(id);
            Change<Complaint> received =
                    decide.received(id, complainant, in, earlier, caller, externalRef, key, submissionKey, now);
            stored = complaints.create(id, received.value(), received.events(), null);
            if (stored.isEmpty() && key != null) {
                // Another instance received the same ticket at the same moment: the unique index let one through.
                Optional<Versioned<Complaint>> known = queries.byExternalKey(key);
                if (known.isPresent()) return again(known.get(), TICKET);
            }
            if (stored.isEmpty() && submissionKey != null) {
                // The same submission on another instance at the same moment, or before a crash cut its customer's
                // record short: the unique index let one through.
                Optional<Versioned<Complaint>> known = queries.byIdempotencyKey(submissionKey.key());
                if (known.isPresent()) return retried(known.get(), submissionKey);
            }
            if (stored.isEmpty()) log.info("Complaint id {} was given before; another is drawn", id);
        }
        if (stored.isEmpty()) {
            throw new IllegalStateException(
                    "Complaint could not be stored: " + ID_ATTEMPTS + " ids in a row were taken, the last " + id);
        }
        Complaint complaint = stored.get().value();
        Versioned<Customer> settled = customers.settle(customer, complaint.pastComplaint(id));
        log.info(
                "Complaint received on {} from customer {}: {}, stage {}{}",
                in.channel(),
                customer.customerId(),
                complaint.emotion(),
                complaint.stage(),
                earlier.isEmpty() ? "" : ", repeat contact");
        // The caller hears of the earlier complaints it may see; a repeat contact triage still learns of.
        List<String> told = sameMatter.stream()
                .filter(c -> c.value().visibleTo(caller.client()))
                .map(Versioned::id)
                .toList();
        String notice = told.isEmpty()
                ? null
                : "The customer complained about this matter before (" + String.join(", ", told)
                        + "): this is a repeat contact.";
        return new Submission(stored.get(), false, notice, settled.value().complaints());
    }

    /**
     * Adds the submission to the open complaint (one the caller may see) as a message; empty if it was closed in the
     * meantime. The submission's external reference is remembered so that its retry finds the complaint rather than
     * merging twice. What the submission tells of the customer fills their record's blanks.
     */
    private Optional<Submission> merge(
            String openId,
            Incoming in,
            Instant now,
            String key,
            SubmissionKey submissionKey,
            CustomerDirectory.OnFile customer) {
        Correlation.complaint(openId);
        String messageId = newMessageId();
        Versioned<Complaint> updated = complaints
                .update(
                        openId,
                        current -> decide.merged(openId, current.value(), in, key, submissionKey, messageId, now))
                .orElseThrow();
        if (key != null && updated.value().mergedExternalKeys().contains(key)) caseFiles.rememberMergedKey(key, openId);
        if (updated.value().messages().stream().noneMatch(m -> m.id().equals(messageId))) {
            if (submissionKey != null && submissionKey.in(updated.value()) != SubmissionKey.Held.NOT) {
                return Optional.of(retried(updated, submissionKey));
            }
            boolean known = key != null
                    && (key.equals(updated.value().externalKey())
                            || updated.value().mergedExternalKeys().contains(key));
            return known ? Optional.of(again(updated, TICKET)) : Optional.empty();
        }
        Versioned<Customer> settled = customers.settle(customer, null);
        log.info(
                "Duplicate submission from customer {} merged into open complaint {}",
                updated.value().customerId(),
                openId);
        return Optional.of(new Submission(
                updated,
                true,
                "This matter is already open as complaint " + openId
                        + "; the submission was added to it as a message instead of opening a second complaint.",
                settled.value().complaints()));
    }

    /**
     * Stores the customer's later message on an open complaint and announces it (and a rise in emotion). With
     * {@code visibleTo}, a complaint that integration client may not see is not found.
     */
    Added addMessage(String id, String text, Channel channel, String visibleTo) {
        Correlation.complaint(id);
        String messageId = newMessageId();
        Instant now = now();
        IntakeDecisions.Message[] decided = new IntakeDecisions.Message[1];
        Versioned<Complaint> updated = complaints
                .update(id, current -> {
                    IntakeDecisions.ContactPlan plan = contactPlan(current.value(), now);
                    decided[0] = decide.message(id, current.value(), visibleTo, messageId, text, channel, plan, now);
                    return decided[0].change();
                })
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
        boolean rose = decided[0].emotionRose();
        Complaint.Message message = updated.value().messages().stream()
                .filter(m -> m.id().equals(messageId))
                .findFirst()
                .orElseThrow();
        log.info(
                "Message added to complaint {}: {}{}",
                id,
                message.emotion(),
                rose ? ", emotion rose to " + updated.value().emotion() : "");
        return new Added(updated, message, rose, decided[0].plan());
    }

    /** The contacts a day agreed with the complaint's customer, if a supervisor set any, and theirs so far. */
    private IntakeDecisions.ContactPlan contactPlan(Complaint c, Instant now) {
        if (c.customerId() == null) return null;
        return customers
                .find(c.customerId())
                .map(Versioned::value)
                .filter(customer -> customer.handling() != null)
                .map(customer -> IntakeDecisions.ContactPlan.at(
                        now,
                        customer.handling().contactsPerDay(),
                        customer.complaints().stream()
                                .map(Customer.PastComplaint::receivedAt)
                                .toList(),
                        c))
                .orElse(null);
    }

    /** Shares the complaint with an integration client and announces it; sharing it again changes nothing. */
    Versioned<Complaint> share(String id, String client, String by) {
        Correlation.complaint(id);
        Instant now = now();
        return complaints
                .update(id, current -> decide.shared(id, current.value(), client, by, now))
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
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
        complaints
                .update(
                        id,
                        current -> decide.answered(id, current.value(), visibleTo, entryId, accepted, comment, by, now))
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
        log.info("Answer to the proposal of complaint {} forwarded: {}", id, accepted ? "accepted" : "rejected");
    }

    /** Records an attachment's metadata on the complaint and announces it; 404 as for messages. */
    Complaint.Attachment addAttachment(String id, AddAttachment request, String by, String visibleTo) {
        Correlation.complaint(id);
        Instant now = now();
        String attachmentId = "att-" + UUID.randomUUID().toString().substring(0, 13);
        Complaint.Attachment attachment = new Complaint.Attachment(
                attachmentId,
                now,
                request.name().strip(),
                request.mediaType().strip().toLowerCase(Locale.ROOT),
                request.size(),
                request.checksum() == null ? null : request.checksum().strip(),
                request.url().strip(),
                by);
        complaints
                .update(id, current -> decide.attached(id, current.value(), visibleTo, attachment, now))
                .orElseThrow(() -> ProblemException.notFound("Complaint", id));
        log.info("Attachment {} recorded on complaint {}", attachmentId, id);
        return attachment;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newMessageId() {
        return "msg-" + UUID.randomUUID().toString().substring(0, 13);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
