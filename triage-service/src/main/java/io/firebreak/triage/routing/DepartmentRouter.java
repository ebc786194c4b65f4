package io.firebreak.triage.routing;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.Owners;
import io.firebreak.platform.text.PhraseSet;
import io.firebreak.platform.text.ScannedText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One version of the routing table, compiled: locates primary and secondary responsibility (定位主副责任) and picks
 * the owner. The department most of whose phrases (where the fault lies) appear owns the complaint, the first in table
 * order of those with as many; failing any phrase, the first whose remedy is asked for; then the first whose product
 * prefix matches; failing that, the first whose channel matches. Every other department that
 * matches in any way contributes. None matching puts it in the default triage queue. Immutable and thread-safe.
 */
public final class DepartmentRouter {

    /** How an owner that is a queue, not a person, is written: {@code queue:BILLING}. */
    public static final String QUEUE = Owners.QUEUE;

    private final String version;
    private final RoutingTable table;
    private final PhraseSet phrases;
    private final int[] departmentOfPhrase;
    private final boolean[] remedyPhrase;
    private final Map<String, RoutingTable.Person> people = new LinkedHashMap<>();

    /**
     * Compiles a routing table; it must have passed {@link RoutingTableCheck}.
     *
     * @param version recorded with every assignment this router makes
     */
    public DepartmentRouter(String version, RoutingTable table) {
        this.version = version;
        this.table = table;
        List<String> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Boolean> remedies = new ArrayList<>();
        for (int d = 0; d < table.departments().size(); d++) {
            RoutingTable.Department department = table.departments().get(d);
            for (List<String> own : java.util.Arrays.asList(department.phrases(), department.remedies())) {
                if (own == null) continue;
                for (String phrase : own) {
                    all.add(phrase);
                    owners.add(d);
                    remedies.add(own == department.remedies());
                }
            }
        }
        this.phrases = PhraseSet.of(all);
        this.departmentOfPhrase = owners.stream().mapToInt(Integer::intValue).toArray();
        this.remedyPhrase = new boolean[remedies.size()];
        for (int i = 0; i < remedyPhrase.length; i++) remedyPhrase[i] = remedies.get(i);
        table.roster().forEach(p -> people.put(p.id(), p));
    }

    public String version() {
        return version;
    }

    /** Routes words alone. */
    public Responsibility route(String text) {
        return route(ScannedText.of(text), null, null);
    }

    public Responsibility route(ScannedText text, String productRef, Channel channel) {
        List<RoutingTable.Department> departments = table.departments();
        int n = departments.size();
        boolean[] byPhrase = new boolean[n];
        boolean[] byRemedy = new boolean[n];
        // How much of each department's fault the words name: its different phrases found, each in words of its own
        // ("delivery" found as "delivery" and "deliver*" is one).
        int[] evidence = new int[n];
        boolean[] counted = new boolean[departmentOfPhrase.length];
        List<List<PhraseSet.Hit>> countedHits = new ArrayList<>();
        for (int d = 0; d < n; d++) countedHits.add(new ArrayList<>());
        for (PhraseSet.Hit hit : phrases.scan(text)) {
            int d = departmentOfPhrase[hit.phrase()];
            if (remedyPhrase[hit.phrase()]) {
                byRemedy[d] = true;
                continue;
            }
            byPhrase[d] = true;
            if (counted[hit.phrase()] || overlaps(hit, countedHits.get(d))) continue;
            counted[hit.phrase()] = true;
            countedHits.get(d).add(hit);
            evidence[d]++;
        }
        boolean[] byProduct = new boolean[n];
        boolean[] byChannel = new boolean[n];
        String product = productRef == null ? null : productRef.strip().toUpperCase(Locale.ROOT);
        for (int d = 0; d < n; d++) {
            RoutingTable.Department department = departments.get(d);
            if (product != null && department.productPrefixes() != null) {
                for (String prefix : department.productPrefixes()) {
                    if (product.startsWith(prefix.strip().toUpperCase(Locale.ROOT))) byProduct[d] = true;
                }
            }
            byChannel[d] = channel != null
                    && department.channels() != null
                    && department.channels().contains(channel);
        }
        // Where the fault lies first (the department most of whose fault the words name; of equals, the first in the
        // table); what is asked for only when no fault is named.
        int primary = most(evidence);
        if (primary < 0) primary = first(byRemedy);
        if (primary < 0) primary = first(byProduct);
        if (primary < 0) primary = first(byChannel);
        if (primary < 0) return new Responsibility(table.defaultQueue(), List.of(), false);
        List<String> secondary = new ArrayList<>();
        List<String> workOnly = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            boolean takes = byPhrase[d] || byProduct[d] || byRemedy[d] || byChannel[d];
            if (d != primary && takes) secondary.add(departments.get(d).name());
            // Named only by a remedy asked for, or by the channel (public relations for a post in public): a part in
            // the work, not in the fault.
            if (takes && !byPhrase[d] && !byProduct[d])
                workOnly.add(departments.get(d).name());
        }
        return new Responsibility(departments.get(primary).name(), List.copyOf(secondary), true, List.copyOf(workOnly));
    }

    /**
     * The owner of a complaint in {@code department}: a person of at least the seniority its class needs (MAJOR
     * and ESCALATED a SENIOR, DIFFICULT an EXPERT) and at least {@code atLeast}, who reads {@code language}, is not
     * {@code excluded} and has room under their capacity; the least senior such person first (seniors are kept for
     * what needs them), then the least loaded, then the one with the fewest skills. A supervisor or head is one
     * only for an escalation ({@code atLeast} given), and then when nobody below fits: a level the department has
     * nobody at is skipped, up to its head. Nobody fitting gives the department's queue, or the expert queue for a
     * DIFFICULT complaint.
     */
    public Assignment chooseOwner(
            String department,
            ComplaintClass complaintClass,
            String language,
            Seniority atLeast,
            String excluded,
            Loads loads) {
        return chooseOwner(department, complaintClass, language, atLeast, excluded, loads, null);
    }

    /**
     * As above, with {@code floor} the least seniority the customer's handling asks for (a senior handler for a
     * customer who needs care): unlike an escalation's {@code atLeast}, it never reaches a supervisor or head.
     */
    public Assignment chooseOwner(
            String department,
            ComplaintClass complaintClass,
            String language,
            Seniority atLeast,
            String excluded,
            Loads loads,
            Seniority floor) {
        Seniority needed = needed(complaintClass);
        if (floor != null && floor.ordinal() > needed.ordinal()) needed = floor;
        if (atLeast != null && atLeast.ordinal() > needed.ordinal()) needed = atLeast;
        List<RoutingTable.Person> candidates = new ArrayList<>();
        for (RoutingTable.Person person : people.values()) {
            if (person.department().equals(department)
                    && person.seniority().atLeast(needed)
                    && (person.seniority().handles() || atLeast != null)
                    && person.skills().contains(language)
                    && !person.id().equals(excluded)) {
                candidates.add(person);
            }
        }
        if (!candidates.isEmpty()) {
            Map<String, Integer> open = loads.openAssigned(
                    candidates.stream().map(RoutingTable.Person::id).toList());
            RoutingTable.Person chosen = candidates.stream()
                    .filter(p -> open.getOrDefault(p.id(), 0) < p.capacity())
                    .min(Comparator.comparing(RoutingTable.Person::seniority)
                            .thenComparingDouble(p -> open.getOrDefault(p.id(), 0) / (double) p.capacity())
                            .thenComparingInt(p -> open.getOrDefault(p.id(), 0))
                            // Rarer skills stay free for the complaints that need them.
                            .thenComparingInt(p -> p.skills().size())
                            .thenComparing(RoutingTable.Person::id))
                    .orElse(null);
            if (chosen != null) return new Assignment(chosen.id(), chosen.seniority());
        }
        String queue = complaintClass == ComplaintClass.DIFFICULT ? table.expertQueue() : department;
        return new Assignment(Owners.queue(queue), null);
    }

    /**
     * Whether {@code person} can take one more complaint in {@code language}: on the roster, handling complaints (not
     * a supervisor or head), reading the language, of at least {@code floor} (null: any), under their capacity.
     */
    public boolean canTake(String person, String language, Seniority floor, Loads loads) {
        RoutingTable.Person p = person == null ? null : people.get(person);
        if (p == null || !p.seniority().handles() || !p.skills().contains(language)) return false;
        if (floor != null && !p.seniority().atLeast(floor)) return false;
        return loads.openAssigned(List.of(person)).getOrDefault(person, 0) < p.capacity();
    }

    /** The seniority of an owner on this roster; null for a queue or someone no longer on it. */
    public Seniority seniorityOf(String owner) {
        RoutingTable.Person person = owner == null ? null : people.get(owner);
        return person == null ? null : person.seniority();
    }

    /** The least seniority a class needs. */
    public static Seniority needed(ComplaintClass complaintClass) {
        return switch (complaintClass) {
            case MAJOR, ESCALATED -> Seniority.SENIOR;
            case DIFFICULT -> Seniority.EXPERT;
            case ORDINARY -> Seniority.AGENT;
        };
    }

    private static boolean overlaps(PhraseSet.Hit hit, List<PhraseSet.Hit> others) {
        for (PhraseSet.Hit other : others) {
            if (hit.start() < other.end() && other.start() < hit.end()) return true;
        }
        return false;
    }

    /** The first of the largest counts, or -1 when all are 0. */
    private static int most(int[] counts) {
        int best = -1;
        for (int d = 0; d < counts.length; d++) {
            if (counts[d] > 0 && (best < 0 || counts[d] > counts[best])) best = d;
        }
        return best;
    }

    private static int first(boolean[] matched) {
        for (int i = 0; i < matched.length; i++) {
            if (matched[i]) return i;
        }
        return -1;
    }

    /**
     * The owning department and those that contribute; {@code routed} is false when no department took it and the
     * primary is the default triage queue. {@code workOnly}: those of them named only by a remedy the customer asks
     * for (a replacement, a refund) or by the channel it came on (public relations for a post in public), not by a
     * fault: they take part in the work, not in the fault.
     */
    public record Responsibility(
            String primaryDepartment, List<String> secondaryDepartments, boolean routed, List<String> workOnly) {

        public Responsibility(String primaryDepartment, List<String> secondaryDepartments, boolean routed) {
            this(primaryDepartment, secondaryDepartments, routed, List.of());
        }

        /** The departments that took it: none when it is unrouted. */
        public List<String> departments() {
            if (!routed) return List.of();
            List<String> all = new ArrayList<>();
            all.add(primaryDepartment);
            all.addAll(secondaryDepartments);
            return all;
        }
    }

    /** Who owns a complaint: a person's login with their seniority, or a queue (seniority null). */
    public record Assignment(String owner, Seniority seniority) {}

    /** The open complaints each person owns now (their load). */
    @FunctionalInterface
    public interface Loads {

        /** Nobody owns anything: for decisions that do not look at load. */
        Loads NONE = people -> Map.of();

        Map<String, Integer> openAssigned(Collection<String> people);
    }
}
