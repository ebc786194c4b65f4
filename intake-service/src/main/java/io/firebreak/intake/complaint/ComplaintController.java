package io.firebreak.intake.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.RequestChecks.FieldProblem;
import io.firebreak.intake.customer.CustomerDirectory;
import io.firebreak.platform.security.StaffScope;
import io.firebreak.platform.web.IdempotencyFilter;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Agents and ticketing systems submit complaints, add the customer's later messages, and read case files. Both
 * writes may carry an {@code Idempotency-Key}; a retry then gets the first answer.
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintController {

    private static final int DEFAULT_LIMIT = 50;
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ComplaintIntake intake;
    private final ComplaintQueries queries;
    private final RequestChecks checks;
    private final IntakeProperties properties;
    private final CustomerDirectory customers;

    ComplaintController(
            ComplaintIntake intake,
            ComplaintQueries queries,
            RequestChecks checks,
            IntakeProperties properties,
            CustomerDirectory customers) {
        this.intake = intake;
        this.queries = queries;
        this.checks = checks;
        this.properties = properties;
        this.customers = customers;
    }

    /**
     * 201 and the new case file; or 200 and the open complaint's case file when the submission was merged into it.
     * Safe to retry with an {@code Idempotency-Key}: the complaint keeps the key in its own write (the platform's
     * filter checks its form only, {@code kept-by-endpoint}), and a retry is answered 200 with the complaint it
     * opened or was merged into, as it now stands; the same key with another submission is 422.
     */
    @PostMapping
    ResponseEntity<ComplaintView> submit(
            @RequestBody SubmitComplaint request,
            @RequestHeader(name = IdempotencyFilter.HEADER, required = false) String idempotencyKey,
            Authentication client,
            UriComponentsBuilder uri) {
        Caller caller = Caller.of(client);
        List<FieldProblem> problems = checks.submission(request, caller.client() != null);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        ComplaintIntake.Submission s = intake.submit(
                request,
                RequestChecks.channel(request.channel()),
                checks.happenedAt(request.happenedAt()),
                caller,
                SubmissionKey.of(caller.name(), idempotencyKey, request));
        ComplaintView view = ComplaintView.of(
                s.complaint(),
                queries.earlierOf(s.complaint(), caller.client(), s.history()),
                s.merged(),
                s.notice(),
                caller.client());
        return s.merged() || s.again()
                ? ResponseEntity.ok(view)
                : ResponseEntity.created(uri.path("/api/v1/complaints/{id}").build(view.id()))
                        .body(view);
    }

    /** What the answer to a later message shows: the message as read, and the complaint's emotion and stage now. */
    record MessageView(
            String complaintId,
            Complaint.Message message,
            boolean emotionRose,
            EmotionLevel emotion,
            List<String> emotionSignals,
            CustomerStage stage,
            @JsonInclude(JsonInclude.Include.NON_NULL) ContactPlanView contactPlan) {}

    /**
     * Where a customer who needs care stands against the contacts a day agreed with them: this message is contact
     * {@code inLastDay} of the last 24 hours; beyond the agreed number it is kept, but its tone alone moves nothing.
     */
    record ContactPlanView(int agreedPerDay, int inLastDay, boolean beyondAgreed) {}

    /** The customer's later message: read, stored on the timeline, announced. 404 unknown, 409 closed. */
    @PostMapping("/{id}/messages")
    ResponseEntity<MessageView> addMessage(
            @PathVariable String id, @RequestBody AddMessage request, Authentication client) {
        List<FieldProblem> problems = checks.message(request);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        ComplaintIntake.Added added = intake.addMessage(
                id,
                request.text(),
                RequestChecks.channel(request.channel()),
                Caller.of(client).client());
        Complaint c = added.complaint().value();
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new MessageView(
                        id,
                        added.message(),
                        added.emotionRose(),
                        c.emotion(),
                        c.emotionSignals(),
                        c.stage(),
                        added.plan() == null
                                ? null
                                : new ContactPlanView(
                                        added.plan().agreedPerDay(),
                                        added.plan().inLastDay(),
                                        added.plan().beyondAgreed())));
    }

    /** An attachment's metadata from a ticketing system (no upload: the file stays there). 404 as for messages. */
    @PostMapping("/{id}/attachments")
    ResponseEntity<Complaint.Attachment> addAttachment(
            @PathVariable String id, @RequestBody AddAttachment request, Authentication client) {
        List<FieldProblem> problems = checks.attachment(request);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        Caller caller = Caller.of(client);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(intake.addAttachment(id, request, caller.name(), caller.client()));
    }

    /**
     * The customer's answer to the proposal, from the ticketing system where they gave it: checked here (may this
     * client act on the complaint?) and forwarded to resolution by an event; 202, since resolution records it on
     * the case (if its proposal still awaits an answer). Agents record answers on the case directly.
     */
    @PostMapping("/{id}/proposal-answer")
    ResponseEntity<Map<String, Object>> answerProposal(
            @PathVariable String id, @RequestBody AnswerProposal request, Authentication client) {
        List<FieldProblem> problems = checks.answer(request);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        Caller caller = Caller.of(client);
        intake.answerProposal(id, request.accepted(), request.comment(), caller.name(), caller.client());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(Map.of("complaintId", id, "accepted", request.accepted(), "state", "FORWARDED"));
    }

    /** Who a complaint is shared with, as the answer to sharing it shows. */
    record SharesView(String complaintId, String submittedBy, List<String> sharedWith) {}

    /**
     * Shares a complaint with an integration client (staff of the complaint's department, or anyone's before it has
     * one); sharing again changes nothing.
     */
    @PostMapping("/{id}/shares")
    SharesView share(@PathVariable String id, @RequestBody ShareComplaint request, Authentication by) {
        List<FieldProblem> problems = checks.share(request);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        Complaint.Owner owner = queries.get(id).value().owner();
        if (owner != null && owner.primaryDepartment() != null) {
            StaffScope.require(by, owner.primaryDepartment(), "share complaints");
        }
        Complaint c = intake.share(id, request.client().strip(), by.getName()).value();
        return new SharesView(id, c.submittedBy(), c.sharedWith());
    }

    /** The case file; an integration client gets 404 for a complaint it neither submitted nor was given. */
    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id, Authentication client) {
        String visibleTo = Caller.of(client).client();
        var complaint = queries.get(id, visibleTo);
        ComplaintView view =
                ComplaintView.of(complaint, queries.earlierOf(complaint, visibleTo), null, null, visibleTo);
        if (visibleTo != null || complaint.value().customerId() == null) return view;
        // Staff see how the customer is to be handled, as it stands now.
        return view.withHandling(customers
                .find(complaint.value().customerId())
                .map(c -> c.value().handling())
                .orElse(null));
    }

    /**
     * Newest first, optionally by class, status, department and external reference, a page at a time; an
     * integration client sees only its own and shared complaints, and finds by its own references.
     */
    @GetMapping
    Page<ComplaintView> list(
            @RequestParam(name = "class", required = false) String complaintClass,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) String externalSystem,
            @RequestParam(required = false) String externalId,
            Authentication client) {
        List<FieldProblem> problems = new ArrayList<>();
        if ((externalSystem == null) != (externalId == null)) {
            problems.add(new FieldProblem(
                    externalSystem == null ? "externalSystem" : "externalId",
                    "is required with " + (externalSystem == null ? "externalId" : "externalSystem")));
        }
        ComplaintClass wantedClass = parseEnum("class", complaintClass, ComplaintClass.class, problems);
        ComplaintStatus wantedStatus = parseEnum("status", status, ComplaintStatus.class, problems);
        if (department != null && !DEPARTMENT.matcher(department).matches()) {
            problems.add(new FieldProblem("department", "must be a department code (letters, digits, _ or -)"));
        }
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > properties.maxListSize()) {
                problems.add(new FieldProblem("limit", "must be a number between 1 and " + properties.maxListSize()));
            }
        }
        PageCursor after = null;
        if (cursor != null) {
            try {
                after = PageCursor.decode(cursor);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("cursor", "is not a cursor from an earlier page of this list"));
            }
        }
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        String visibleTo = Caller.of(client).client();
        return queries.list(
                        new ComplaintQueries.Filter(
                                wantedStatus,
                                wantedClass,
                                department,
                                visibleTo,
                                externalSystem == null ? null : externalSystem.strip(),
                                externalId == null ? null : externalId.strip()),
                        size,
                        after)
                .map(c -> ComplaintView.of(c, null, null, null, visibleTo));
    }

    private static <E extends Enum<E>> E parseEnum(
            String name, String value, Class<E> type, List<FieldProblem> problems) {
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
