package io.firebreak.intake.complaint;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.web.Correlation;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Receives complaints: identifies the customer, reads the emotion, stores the case file, announces it. */
@Service
public class ComplaintIntake {

    private static final Logger log = LoggerFactory.getLogger(ComplaintIntake.class);

    private final AggregateStore<Complaint> complaints;
    private final CustomerDirectory customers;
    private final EmotionReader emotions;
    private final Clock clock;

    ComplaintIntake(CaseFiles store, CustomerDirectory customers, EmotionReader emotions, Clock clock) {
        this.complaints = store.store();
        this.customers = customers;
        this.emotions = emotions;
        this.clock = clock;
    }

    Versioned<Complaint> submit(SubmitComplaint request) {
        var who = customers.identify(blankToNull(request.customer().id()), blankToNull(request.customer().name()),
                request.customer().phone(), request.customer().email());
        String id = ComplaintIds.next(clock);
        Correlation.complaint(id);
        Instant now = clock.instant();
        EmotionLevel emotion = emotions.read(request.description());
        Complaint complaint = new Complaint(who.customerId(), who.maskedContact(), request.channel(),
                request.description().strip(), blankToNull(request.productRef()), blankToNull(request.orderRef()),
                blankToNull(request.remedySought()), emotion, now, ComplaintStatus.RECEIVED, null, null, null, null,
                List.of(new Complaint.TimelineEntry("received-" + id, now, "firebreak.complaint.received", "intake",
                        "Received by " + request.channel() + "; the customer reads " + emotion)),
                now);
        ComplaintReceived received = new ComplaintReceived(id, now, complaint.channel(), who.customerId(),
                who.maskedContact(), complaint.description(), complaint.productRef(), complaint.orderRef(),
                complaint.remedySought(), emotion, List.of(), null, null, List.of());
        complaints.insert(id, complaint, List.of(received), null);
        log.info("Complaint received on {} from customer {}", complaint.channel(), who.customerId());
        return complaints.find(id).orElseThrow();
    }

    Versioned<Complaint> get(String id) {
        return complaints.find(id).orElseThrow(() -> ProblemException.notFound("Complaint", id));
    }

    List<Versioned<Complaint>> list(Optional<ComplaintStatus> status, int limit) {
        Bson filter = status.map(s -> Filters.eq("status", s.name())).orElse(Filters.empty());
        return complaints.findAll(filter, Sorts.descending("receivedAt"), limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
