package io.firebreak.gateway.webhooks;

import io.firebreak.events.ComplaintClass;
import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.ProblemException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ticketing systems' webhook subscriptions, served by the gateway itself: create, list, read, replace (which also
 * disables or enables again), delete; each one's delivery log, and redelivery of one delivery. A client sees only
 * its own subscriptions (another's is 404); ADMIN sees all. The secret is shown once, in the answer to creating.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private static final Pattern TYPE_GLOB = Pattern.compile("[a-z0-9.*]{1,100}");
    private static final int MAX_STARS = 3;
    private static final Pattern DEPARTMENT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final GatewayProperties properties;
    private final Clock clock;
    private final WebhookTargets targets;

    WebhookController(
            WebhookStore store,
            WebhookDispatcher dispatcher,
            GatewayProperties properties,
            Clock clock,
            WebhookTargets targets) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.clock = clock;
        this.targets = targets;
    }

    /** A subscription as the API shows it: never its secret, except {@code secret} in the answer to creating. */
    record SubscriptionView(
            String id,
            String owner,
            boolean allComplaints,
            String url,
            List<String> eventTypes,
            Map<String, List<String>> filters,
            String status,
            String circuitBreaker,
            Instant createdAt,
            Instant updatedAt,
            Instant failingSince,
            Instant disabledAt,
            String disabledReason,
            String secret) {}

    @PostMapping
    ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionRequest request, Authentication caller) {
        Checked checked = check(request, true);
        String owner = caller.getName();
        if (store.countOwnedBy(owner) >= properties.webhooks().maxSubscriptionsPerClient()) {
            throw ProblemException.conflict("A client may have at most "
                    + properties.webhooks().maxSubscriptionsPerClient() + " subscriptions; delete one first.");
        }
        String secret = request.secret() != null ? request.secret() : Signatures.newSecret();
        Instant now = clock.instant();
        Subscription s = new Subscription(
                "wh-" + UUID.randomUUID(),
                owner,
                isAdmin(caller),
                checked.url(),
                checked.eventTypes(),
                checked.classes(),
                checked.departments(),
                secret,
                Boolean.FALSE.equals(request.active()) ? Subscription.Status.DISABLED : Subscription.Status.ACTIVE,
                now,
                now,
                null,
                null,
                null);
        store.insert(s);
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", "/api/v1/webhooks/" + s.id())
                .body(view(s, secret));
    }

    @GetMapping
    Page<SubscriptionView> list(@RequestParam(required = false) String status, Authentication caller) {
        Subscription.Status wanted = null;
        if (status != null) {
            try {
                wanted = Subscription.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "one of " + Arrays.toString(Subscription.Status.values()));
            }
        }
        Subscription.Status only = wanted;
        // A client has at most max-subscriptions-per-client; ADMIN sees everyone's, a page at most.
        return Page.of(
                store
                        .subscriptions(
                                isAdmin(caller) ? null : caller.getName(),
                                properties.webhooks().maxPage())
                        .stream()
                        .filter(s -> only == null || s.status() == only)
                        .map(s -> view(s, null))
                        .toList());
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable String id, Authentication caller) {
        return view(owned(id, caller), null);
    }

    /**
     * Replaces the subscription's target, types and filters; the secret only if one is given. {@code active} true
     * enables a disabled subscription again (its held deliveries go out, in order), false disables it.
     */
    @PutMapping("/{id}")
    SubscriptionView replace(@PathVariable String id, @RequestBody SubscriptionRequest request, Authentication caller) {
        Subscription current = owned(id, caller);
        Checked checked = check(request, false);
        Instant now = clock.instant();
        boolean enable = Boolean.TRUE.equals(request.active()) && current.status() == Subscription.Status.DISABLED;
        boolean disable = Boolean.FALSE.equals(request.active()) && current.status() == Subscription.Status.ACTIVE;
        Subscription.Status status =
                enable ? Subscription.Status.ACTIVE : disable ? Subscription.Status.DISABLED : current.status();
        boolean rotate = request.secret() != null && !request.secret().equals(current.secret());
        Subscription next = new Subscription(
                id,
                current.owner(),
                current.allComplaints(),
                checked.url(),
                checked.eventTypes(),
                checked.classes(),
                checked.departments(),
                rotate ? request.secret() : current.secret(),
                status,
                current.createdAt(),
                now,
                enable ? null : current.failingSince(),
                enable ? null : disable ? now : current.disabledAt(),
                enable ? null : disable ? "disabled by " + caller.getName() : current.disabledReason(),
                rotate ? current.secret() : current.previousSecret(),
                rotate ? now.plus(properties.webhooks().secretOverlap()) : current.previousSecretUntil());
        if (disable) {
            store.disable(id, now, next.disabledReason());
        }
        store.replace(next);
        if (enable) {
            store.release(id, now);
            dispatcher.breaker(id).reset();
            dispatcher.wake();
        }
        return view(next, null);
    }

    /** A new secret, and until when the one it replaces still signs too. */
    record RotatedSecret(String id, String secret, Instant previousSecretValidUntil) {}

    /**
     * Replaces the secret with a new one (answered this once); the old one keeps signing beside it for the
     * overlap ({@code webhooks.secret-overlap}), while the receiver changes over.
     */
    @PostMapping("/{id}/rotate-secret")
    RotatedSecret rotateSecret(@PathVariable String id, Authentication caller) {
        Subscription current = owned(id, caller);
        Instant now = clock.instant();
        String secret = Signatures.newSecret();
        Instant until = now.plus(properties.webhooks().secretOverlap());
        store.replace(new Subscription(
                id,
                current.owner(),
                current.allComplaints(),
                current.url(),
                current.eventTypes(),
                current.classes(),
                current.departments(),
                secret,
                current.status(),
                current.createdAt(),
                now,
                current.failingSince(),
                current.disabledAt(),
                current.disabledReason(),
                current.secret(),
                until));
        return new RotatedSecret(id, secret, until);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, Authentication caller) {
        owned(id, caller);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    /** One attempt in the log. */
    record AttemptView(int number, Instant at, Integer statusCode, String error, long millis) {}

    /** One delivery in the log, with its attempts. */
    record DeliveryView(
            String id,
            String eventId,
            String type,
            String complaintId,
            String state,
            int attempts,
            Instant enqueuedAt,
            Instant nextAttemptAt,
            Instant deliveredAt,
            Integer lastStatusCode,
            String lastError,
            List<AttemptView> attemptLog) {}

    /** The subscription's deliveries, newest first, optionally in one state, each with its attempts. */
    @GetMapping("/{id}/deliveries")
    Page<DeliveryView> deliveries(
            @PathVariable String id,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            Authentication caller) {
        owned(id, caller);
        Delivery.State wanted = null;
        List<Map<String, String>> problems = new ArrayList<>();
        if (state != null) {
            try {
                wanted = Delivery.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(Map.of("field", "state", "reason", "one of " + Arrays.toString(Delivery.State.values())));
            }
        }
        int max = properties.webhooks().maxPage();
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > max) problems.add(Map.of("field", "limit", "reason", "must be between 1 and " + max));
        if (!problems.isEmpty()) throw invalid(problems);
        List<Delivery> found = store.deliveries(id, wanted, size);
        Map<String, List<AttemptView>> attempts = new LinkedHashMap<>();
        for (WebhookStore.Attempt a :
                store.attempts(found.stream().map(Delivery::id).toList())) {
            attempts.computeIfAbsent(a.deliveryId(), k -> new ArrayList<>())
                    .add(new AttemptView(a.number(), a.at(), a.statusCode(), a.error(), a.millis()));
        }
        return Page.of(found.stream()
                .map(d -> new DeliveryView(
                        d.id(),
                        d.eventId(),
                        d.type(),
                        "-".equals(d.complaintId()) ? null : d.complaintId(),
                        d.state().name(),
                        d.attempts(),
                        d.enqueuedAt(),
                        d.state() == Delivery.State.PENDING ? d.nextAttemptAt() : null,
                        d.deliveredAt(),
                        d.lastStatusCode(),
                        d.lastError(),
                        attempts.getOrDefault(d.id(), List.of())))
                .toList());
    }

    /** Sends a delivery again (same delivery id, so a receiver that has it already can tell). 202. */
    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<Map<String, String>> redeliver(
            @PathVariable String id, @PathVariable String deliveryId, Authentication caller) {
        Subscription s = owned(id, caller);
        if (s.status() == Subscription.Status.DISABLED) {
            throw ProblemException.conflict("Subscription " + id + " is disabled; enable it to deliver again.");
        }
        if (!store.redeliver(id, deliveryId, clock.instant())) throw ProblemException.notFound("Delivery", deliveryId);
        dispatcher.wake();
        return ResponseEntity.accepted().body(Map.of("id", deliveryId, "state", "PENDING"));
    }

    private Subscription owned(String id, Authentication caller) {
        Subscription s = store.find(id).orElseThrow(() -> ProblemException.notFound("Webhook subscription", id));
        if (!isAdmin(caller) && !s.owner().equals(caller.getName())) {
            throw ProblemException.notFound("Webhook subscription", id);
        }
        return s;
    }

    private SubscriptionView view(Subscription s, String secret) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put("classes", s.classes().stream().map(Enum::name).toList());
        filters.put("departments", s.departments());
        return new SubscriptionView(
                s.id(),
                s.owner(),
                s.allComplaints(),
                s.url(),
                s.eventTypes(),
                filters,
                s.status().name(),
                dispatcher.breaker(s.id()).getState().name(),
                s.createdAt(),
                s.updatedAt(),
                s.failingSince(),
                s.disabledAt(),
                s.disabledReason(),
                secret);
    }

    /** A request's fields, checked and normalised. */
    private record Checked(
            String url, List<String> eventTypes, List<ComplaintClass> classes, List<String> departments) {}

    private Checked check(SubscriptionRequest request, boolean creating) {
        List<Map<String, String>> problems = new ArrayList<>();
        String url = request.url() == null ? null : request.url().strip();
        if (url == null || url.isEmpty()) {
            problems.add(problem("url", "is required: the receiver's absolute http or https URL"));
        } else if (!isWebAddress(url)) {
            problems.add(problem("url", "'" + clip(url) + "' is not an absolute http or https URL"));
        } else {
            String refused = targets.refusal(url);
            if (refused != null) problems.add(problem("url", "'" + clip(url) + "' " + refused));
        }
        List<String> types = request.eventTypes() == null ? List.of() : request.eventTypes();
        if (types.isEmpty()) {
            problems.add(problem("eventTypes", "give at least one event type or glob, e.g. firebreak.case.* or *"));
        } else if (types.size() > 50) {
            problems.add(problem("eventTypes", "at most 50"));
        } else {
            for (String t : types) {
                if (t == null || !TYPE_GLOB.matcher(t.strip()).matches()) {
                    problems.add(problem(
                            "eventTypes",
                            "'" + clip(String.valueOf(t))
                                    + "' is not an event type or glob (lower-case letters, digits, dots and *)"));
                } else if (t.chars().filter(c -> c == '*').count() > MAX_STARS) {
                    problems.add(problem(
                            "eventTypes",
                            "'" + clip(t) + "' has more than " + MAX_STARS
                                    + " stars; a type has three parts, e.g. firebreak.*.closed"));
                }
            }
        }
        List<ComplaintClass> classes = new ArrayList<>();
        List<String> departments = new ArrayList<>();
        if (request.filters() != null) {
            for (String c : request.filters().classes() == null
                    ? List.<String>of()
                    : request.filters().classes()) {
                try {
                    classes.add(ComplaintClass.valueOf(String.valueOf(c).strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problems.add(problem(
                            "filters.classes",
                            "'" + clip(String.valueOf(c)) + "' is not one of "
                                    + Arrays.toString(ComplaintClass.values())));
                }
            }
            for (String d : request.filters().departments() == null
                    ? List.<String>of()
                    : request.filters().departments()) {
                if (d == null || !DEPARTMENT.matcher(d.strip()).matches()) {
                    problems.add(problem(
                            "filters.departments",
                            "'" + clip(String.valueOf(d)) + "' is not a department code (letters, digits, _ or -)"));
                } else {
                    departments.add(d.strip());
                }
            }
        }
        if (request.secret() != null && Signatures.problem(request.secret()) != null) {
            problems.add(problem(
                    "secret", Signatures.problem(request.secret()) + " (or leave it out and one is" + " made)"));
        }
        if (!problems.isEmpty()) throw invalid(problems);
        return new Checked(url, types.stream().map(String::strip).distinct().toList(), classes, departments);
    }

    static boolean isWebAddress(String raw) {
        try {
            URI uri = new URI(raw);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && uri.getRawFragment() == null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ProblemException invalid(List<Map<String, String>> problems) {
        String detail = problems.stream()
                .map(p -> p.get("field") + ": " + p.get("reason"))
                .collect(Collectors.joining("; "));
        return new ProblemException(HttpStatus.BAD_REQUEST, "Invalid request", detail).with("errors", problems);
    }

    private static Map<String, String> problem(String field, String reason) {
        return Map.of("field", field, "reason", reason);
    }

    private static boolean isAdmin(Authentication caller) {
        return caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() <= 60 ? t : t.substring(0, 60) + "…";
    }
}
