package io.firebreak.intake.complaint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.RequestChecks.FieldProblem;
import io.firebreak.intake.idempotency.IdempotentRequests;
import io.firebreak.intake.idempotency.IdempotentRequests.Answer;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agents and ticketing systems submit complaints, add the customer's later messages, and read case files. Both
 * writes may carry an {@code Idempotency-Key}; a retry then gets the first answer.
 */
@RestController
@RequestMapping("/api/v1/complaints")
@PreAuthorize("hasAnyRole('AGENT', 'INTEGRATION')")
class ComplaintController {

    private static final int DEFAULT_LIMIT = 50;
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final ComplaintIntake intake;
    private final RequestChecks checks;
    private final IdempotentRequests idempotency;
    private final JsonMapper json;
    private final IntakeProperties properties;

    ComplaintController(ComplaintIntake intake, RequestChecks checks, IdempotentRequests idempotency, JsonMapper json,
            IntakeProperties properties) {
        this.intake = intake;
        this.checks = checks;
        this.idempotency = idempotency;
        this.json = json;
        this.properties = properties;
    }

    /** 201 and the new case file; or 200 and the open complaint's case file when the submission was merged into it. */
    @PostMapping
    ResponseEntity<String> submit(@RequestBody SubmitComplaint request,
            @RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String key, Principal client,
            UriComponentsBuilder uri) {
        List<FieldProblem> problems = checks.submission(request, key);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        Supplier<Answer> work = () -> {
            ComplaintIntake.Submission s = intake.submit(request, RequestChecks.channel(request.channel()),
                    checks.happenedAt(request.happenedAt()));
            ComplaintView view = ComplaintView.of(s.complaint(), intake.earlierOf(s.complaint()), s.merged(),
                    s.notice());
            return s.merged()
                    ? new Answer(200, json.writeValueAsString(view), null)
                    : new Answer(201, json.writeValueAsString(view),
                            uri.path("/api/v1/complaints/{id}").build(view.id()).toString());
        };
        return respond(key == null ? work.get()
                : idempotency.answer(client.getName(), "POST /api/v1/complaints", key, fingerprint(request), work));
    }

    /** What the answer to a later message shows: the message as read, and the complaint's emotion and stage now. */
    record MessageView(String complaintId, Complaint.Message message, boolean emotionRose, EmotionLevel emotion,
            List<String> emotionSignals, CustomerStage stage) {}

    /** The customer's later message: read, stored on the timeline, announced. 404 unknown, 409 closed. */
    @PostMapping("/{id}/messages")
    ResponseEntity<String> addMessage(@PathVariable String id, @RequestBody AddMessage request,
            @RequestHeader(name = RequestChecks.IDEMPOTENCY_KEY, required = false) String key, Principal client) {
        List<FieldProblem> problems = checks.message(request, key);
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        Supplier<Answer> work = () -> {
            ComplaintIntake.Added added =
                    intake.addMessage(id, request.text(), RequestChecks.channel(request.channel()));
            Complaint c = added.complaint().value();
            return new Answer(201, json.writeValueAsString(new MessageView(id, added.message(), added.emotionRose(),
                    c.emotion(), c.emotionSignals(), c.stage())), null);
        };
        return respond(key == null ? work.get()
                : idempotency.answer(client.getName(), "POST /api/v1/complaints/" + id + "/messages", key,
                        fingerprint(request), work));
    }

    @GetMapping("/{id}")
    ComplaintView get(@PathVariable String id) {
        var complaint = intake.get(id);
        return ComplaintView.of(complaint, intake.earlierOf(complaint), null, null);
    }

    /** A page of the list: the items, and the cursor of the next page unless this is the last. */
    record ListView(List<ComplaintView> items, @JsonInclude(JsonInclude.Include.NON_NULL) String next) {}

    /** Newest first, optionally by class, status and department, a page at a time. */
    @GetMapping
    ListView list(@RequestParam(name = "class", required = false) String complaintClass,
            @RequestParam(required = false) String status, @RequestParam(required = false) String department,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
        List<FieldProblem> problems = new ArrayList<>();
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
        ListCursor after = null;
        if (cursor != null) {
            try {
                after = ListCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("cursor", "is not a cursor from an earlier page of this list"));
            }
        }
        if (!problems.isEmpty()) throw RequestChecks.invalid(problems);
        ComplaintIntake.Page page = intake.list(new ComplaintIntake.Filter(wantedStatus, wantedClass,
                department), size, after);
        return new ListView(page.items().stream().map(ComplaintView::of).toList(),
                page.next() == null ? null : page.next().encode());
    }

    private ResponseEntity<String> respond(Answer answer) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status())
                .contentType(MediaType.APPLICATION_JSON);
        if (answer.location() != null) response.header("Location", answer.location());
        return response.body(answer.body());
    }

    private String fingerprint(Record request) {
        return IdempotentRequests.sha256(json.writeValueAsString(request));
    }

    private static <E extends Enum<E>> E parseEnum(String name, String value, Class<E> type,
            List<FieldProblem> problems) {
        if (value == null) return null;
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(name, "one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }
}
