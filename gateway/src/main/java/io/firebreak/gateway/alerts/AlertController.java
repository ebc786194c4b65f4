package io.firebreak.gateway.alerts;

import io.firebreak.events.ComplaintClass;
import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Supervisors' alerts (ADMIN reads them too, for the gateway's own), served by the gateway itself: the list, acknowledging one, and the live stream. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertController {

    private final AlertStore store;
    private final AlertService service;
    private final GatewayProperties properties;
    private final Clock clock;

    AlertController(AlertStore store, AlertService service, GatewayProperties properties, Clock clock) {
        this.store = store;
        this.service = service;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * The alerts, newest first, a page at a time ({@code next}: the cursor of older ones); {@code after} keeps those
     * with a greater id (what came since an alert).
     */
    @GetMapping
    Page<Alert> list(
            @RequestParam(required = false) AlertKind kind,
            @RequestParam(name = "class", required = false) ComplaintClass complaintClass,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) Long after,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        int max = properties.alerts().maxPage();
        int size = limit == null ? max : limit;
        if (size < 1 || size > max) throw ProblemException.badRequest("limit", "must be between 1 and " + max);
        PageCursor older = PageCursor.parameter(cursor);
        List<Alert> found = store.newestFirst(
                new AlertFilter(kind, complaintClass, department), after, older == null ? null : older.key(), size + 1);
        if (found.size() <= size) return Page.of(found);
        long last = found.get(size - 1).id();
        return new Page<>(found.subList(0, size), new PageCursor(last, String.valueOf(last)).encode());
    }

    /** Records who acknowledged the alert and when; a second acknowledgement is a conflict naming the first. */
    @PostMapping("/{id}/acknowledge")
    Alert acknowledge(@PathVariable long id, Authentication who) {
        return store.acknowledge(id, who.getName(), clock.instant()).orElseGet(() -> {
            Alert alert = store.find(id).orElseThrow(() -> ProblemException.notFound("Alert", String.valueOf(id)));
            throw ProblemException.conflict("Alert " + id + " was already acknowledged by " + alert.acknowledgedBy()
                            + " at " + alert.acknowledgedAt() + ".")
                    .with("acknowledgedBy", alert.acknowledgedBy())
                    .with("acknowledgedAt", alert.acknowledgedAt());
        });
    }

    /** The comment a stream opens with. */
    static final String OPENED = "alerts stream open";

    /**
     * New alerts as they happen; with {@code Last-Event-ID}, first the stored ones after it. The stream opens with a
     * comment, so its headers are sent at once.
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(
            @RequestParam(required = false) AlertKind kind,
            @RequestParam(name = "class", required = false) ComplaintClass complaintClass,
            @RequestParam(required = false) String department,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
            Authentication who) {
        Long lastId = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                lastId = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("Last-Event-ID", "must be an alert id");
            }
        }
        GatewayProperties.Alerts settings = properties.alerts();
        SseEmitter emitter = new SseEmitter(settings.streamTimeout().toMillis());
        try {
            // At once, so the answer's headers go out now, not with the first alert or keep-alive: a client with
            // a shorter read timeout than the keep-alive would otherwise see nothing and give up.
            emitter.send(SseEmitter.event().comment(OPENED));
        } catch (java.io.IOException e) {
            emitter.completeWithError(e);
            return emitter;
        }
        service.join(
                new AlertStreams.Subscriber(emitter, who.getName(), new AlertFilter(kind, complaintClass, department)),
                lastId,
                settings.maxPage(),
                settings.maxReplay());
        return emitter;
    }
}
