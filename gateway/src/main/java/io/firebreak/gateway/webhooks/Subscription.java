package io.firebreak.gateway.webhooks;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.ComplaintShared;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.security.ClientVisibility;
import java.time.Instant;
import java.util.List;

/**
 * A ticketing system's subscription: where to send which events (type globs such as {@code firebreak.case.*}),
 * optionally only for some classes and departments, signed with its secret. {@code owner} is the client (token
 * subject); {@code allComplaints} holds for one made by ADMIN, else only the owner's own and shared complaints'
 * events go to it. {@code failingSince} is when deliveries began to fail without a success since.
 */
record Subscription(
        String id,
        String owner,
        boolean allComplaints,
        String url,
        List<String> eventTypes,
        List<ComplaintClass> classes,
        List<String> departments,
        String secret,
        Status status,
        Instant createdAt,
        Instant updatedAt,
        Instant failingSince,
        Instant disabledAt,
        String disabledReason,
        String previousSecret,
        Instant previousSecretUntil) {

    /** A subscription without a rotated secret still in use. */
    Subscription(
            String id,
            String owner,
            boolean allComplaints,
            String url,
            List<String> eventTypes,
            List<ComplaintClass> classes,
            List<String> departments,
            String secret,
            Status status,
            Instant createdAt,
            Instant updatedAt,
            Instant failingSince,
            Instant disabledAt,
            String disabledReason) {
        this(
                id,
                owner,
                allComplaints,
                url,
                eventTypes,
                classes,
                departments,
                secret,
                status,
                createdAt,
                updatedAt,
                failingSince,
                disabledAt,
                disabledReason,
                null,
                null);
    }

    /** The secrets a delivery made {@code at} is signed with: the current one, and the one before while it lasts. */
    List<String> signingSecrets(Instant at) {
        return previousSecret != null && previousSecretUntil != null && at.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret)
                : List.of(secret);
    }

    /** ACTIVE subscriptions get deliveries; a DISABLED one keeps its pending deliveries held until enabled again. */
    enum Status {
        ACTIVE,
        DISABLED
    }

    Subscription {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        classes = classes == null ? List.of() : List.copyOf(classes);
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** Whether an event of this type, on a complaint with these facts, goes to this subscription. */
    boolean wants(String type, ComplaintFacts facts) {
        if (status != Status.ACTIVE) return false;
        if (eventTypes.stream().noneMatch(glob -> matches(glob, type))) return false;
        if (!allComplaints && !facts.visibleTo(owner)) return false;
        if (!classes.isEmpty() && (facts.complaintClass() == null || !classes.contains(facts.complaintClass()))) {
            return false;
        }
        return departments.isEmpty()
                || (facts.department() != null
                        && departments.stream().anyMatch(d -> d.equalsIgnoreCase(facts.department())));
    }

    /**
     * {@code *} matches any run of characters, everything else itself: {@code firebreak.sla.*}, {@code *}. In one
     * pass (no regular expression, which backtracks on many stars): the text before the first star must begin the
     * type, the text after the last end it, and the pieces between are found left to right, each at its earliest.
     */
    static boolean matches(String glob, String type) {
        String[] parts = glob.split("\\*", -1);
        if (parts.length == 1) return glob.equals(type);
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (type.length() < first.length() + last.length() || !type.startsWith(first) || !type.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = type.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            if (parts[i].isEmpty()) continue;
            int found = type.indexOf(parts[i], from);
            if (found < 0 || found + parts[i].length() > end) return false;
            from = found + parts[i].length();
        }
        return true;
    }

    /** What the gateway knows of a complaint from the events: who may see it, its class and department. */
    record ComplaintFacts(
            String submittedBy, List<String> sharedWith, ComplaintClass complaintClass, String department) {
        static final ComplaintFacts UNKNOWN = new ComplaintFacts(null, List.of(), null, null);

        boolean visibleTo(String client) {
            return ClientVisibility.visibleTo(client, submittedBy, sharedWith);
        }

        /** The facts once this event is known too (as {@link WebhookStore#remember} stores them). */
        ComplaintFacts after(FirebreakEvent event) {
            if (event instanceof ComplaintReceived r && r.submittedBy() != null) {
                return new ComplaintFacts(r.submittedBy(), sharedWith, complaintClass, department);
            } else if (event instanceof ComplaintShared s && !sharedWith.contains(s.client())) {
                List<String> shared = new java.util.ArrayList<>(sharedWith);
                shared.add(s.client());
                return new ComplaintFacts(submittedBy, List.copyOf(shared), complaintClass, department);
            } else if (event instanceof ComplaintClassified c) {
                return new ComplaintFacts(submittedBy, sharedWith, c.complaintClass(), department);
            } else if (event instanceof ResponsibilityAssigned a) {
                return new ComplaintFacts(
                        submittedBy,
                        sharedWith,
                        a.complaintClass() == null ? complaintClass : a.complaintClass(),
                        a.primaryDepartment());
            }
            return this;
        }
    }
}
