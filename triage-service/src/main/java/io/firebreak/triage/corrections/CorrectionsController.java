package io.firebreak.triage.corrections;

import com.mongodb.client.model.Indexes;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.IntakeEvents.PersonalDataErased;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.settings.RejectedSettings;
import io.firebreak.platform.settings.SettingsView;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.platform.web.Page;
import io.firebreak.platform.web.PageCursor;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.classification.RuleSetCheck;
import io.firebreak.triage.decision.ComplaintTriage;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.TriageDecisions;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.settings.RuleSetDryRuns;
import io.firebreak.triage.settings.SettingsStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What people's corrections teach (从纠正中学习). Every reclassification is kept on the complaint's triage record with
 * its text, so the corrections are a labelled set that grows by itself: {@code GET /corrections} lists them,
 * {@code GET /corrections/summary} shows which rules misfired (lowered by a supervisor) and which classes the rules
 * missed (raised, with the words), and {@code POST /rules/dry-run} replays a proposed rule set on every correction
 * and every shipped labelled example before anyone makes it active, listing what would change class.
 */
@RestController
@RequestMapping("/api/v1/triage")
class CorrectionsController {

    private static final Logger log = LoggerFactory.getLogger(CorrectionsController.class);

    private static final int LIST_LIMIT = 200;
    /** The most corrections the summary and the dry run read, the newest first. */
    static final int MOST_READ = 10_000;

    private static final int EXAMPLES_SHOWN = 5;
    private static final int TEXT_SHOWN = 300;

    private static final Document CORRECTED = new Document("history.trigger", TriageDecisions.RECLASSIFIED);
    private static final AggregateStore.SortKey<ComplaintTriage> NEWEST =
            AggregateStore.SortKey.time("receivedAt", true, ComplaintTriage::receivedAt);

    private final AggregateStore<ComplaintTriage> store;
    private final SettingsStore settings;
    private final RuleSetDryRuns dryRuns;
    private final LabelledReadings labelledReadings;

    CorrectionsController(
            AggregateStore<ComplaintTriage> store,
            SettingsStore settings,
            RuleSetDryRuns dryRuns,
            LabelledReadings labelledReadings) {
        this.store = store;
        this.settings = settings;
        this.dryRuns = dryRuns;
        this.labelledReadings = labelledReadings;
        store.collection().createIndex(Indexes.ascending("history.trigger", "receivedAt"));
    }

    /** One correction: the class a person gave, from what, by whom and why, with the rules that had fired. */
    record Correction(
            Instant at,
            ComplaintClass from,
            ComplaintClass to,
            String by,
            String reason,
            List<String> rulesThatFired,
            String ruleSetVersion) {}

    /** A corrected complaint: its words (as a labelled example), where the customer stood, and its corrections. */
    record Corrected(
            String complaintId,
            String text,
            CustomerStage stage,
            List<String> earlierComplaintIds,
            ComplaintClass complaintClass,
            List<Correction> corrections) {

        static Corrected of(ComplaintTriage t) {
            List<Correction> corrections = new ArrayList<>();
            List<String> fired = new ArrayList<>();
            for (ClassificationStep step : t.history()) {
                if (TriageDecisions.RECLASSIFIED.equals(step.trigger())) {
                    // A person's reason reads "who: why".
                    String evidence = step.reasons().isEmpty()
                            ? ""
                            : step.reasons().get(0).evidence();
                    int colon = evidence.indexOf(": ");
                    corrections.add(new Correction(
                            step.at(),
                            step.previousClass(),
                            step.complaintClass(),
                            colon < 0 ? null : evidence.substring(0, colon),
                            colon < 0 ? evidence : evidence.substring(colon + 2),
                            List.copyOf(fired),
                            step.ruleSetVersion()));
                } else {
                    step.reasons().stream()
                            .map(Reason::rule)
                            .filter(r -> !Classifier.NO_RULE_FIRED.equals(r) && !fired.contains(r))
                            .forEach(fired::add);
                }
            }
            return new Corrected(
                    t.complaintId(),
                    t.text(),
                    t.stage(),
                    t.earlierComplaintIds(),
                    t.complaintClass(),
                    List.copyOf(corrections));
        }

        /** The class people settled on last: the label this complaint teaches. */
        ComplaintClass label() {
            return corrections.isEmpty()
                    ? complaintClass
                    : corrections.get(corrections.size() - 1).to();
        }

        boolean readable() {
            return text != null && !text.isBlank() && !text.equals(PersonalDataErased.MARKER);
        }
    }

    @GetMapping("/corrections")
    Page<Corrected> corrections(
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > LIST_LIMIT) {
            throw ProblemException.badRequest("limit", "must be a number between 1 and " + LIST_LIMIT);
        }
        return store.page(CORRECTED, NEWEST, PageCursor.parameter(cursor), size).map(v -> Corrected.of(v.value()));
    }

    /** Rules a supervisor overruled, and what the rules missed. */
    record Summary(int corrections, int raised, int lowered, List<RuleCount> misfired, List<Missed> missed) {}

    /** A rule that fired on complaints a supervisor then lowered, how often, and the class it was lowered to. */
    record RuleCount(String rule, int times) {}

    /**
     * Complaints raised to a class the rules did not give, how many, some of their words, and the phrases that recur
     * in them and are rare in ordinary complaints ({@link MissingPhrases}): what a rule may be missing.
     */
    record Missed(
            ComplaintClass raisedTo,
            int times,
            List<String> examples,
            List<MissingPhrases.Candidate> candidatePhrases) {}

    /**
     * The shipped ordinary examples, against which a recurring term is told apart from an everyday one: read on the
     * first summary asked for, not at start.
     */
    private static final class Everyday {
        static final MissingPhrases PHRASES = new MissingPhrases(LabelledExamples.all().stream()
                .filter(e -> e.expected() == ComplaintClass.ORDINARY)
                .map(LabelledExamples.Example::text)
                .toList());
    }

    @GetMapping("/corrections/summary")
    Summary summary() {
        Map<String, Integer> misfired = new TreeMap<>();
        Map<ComplaintClass, List<String>> missed = new LinkedHashMap<>();
        Map<ComplaintClass, List<String>> missedTexts = new LinkedHashMap<>();
        Map<ComplaintClass, Integer> missedCount = new LinkedHashMap<>();
        int raised = 0;
        int lowered = 0;
        for (Corrected c : recentCorrections()) {
            for (Correction correction : c.corrections()) {
                boolean up = ComplaintClass.mostSevere(correction.from(), correction.to()) == correction.to();
                if (up) {
                    raised++;
                    missedCount.merge(correction.to(), 1, Integer::sum);
                    List<String> examples = missed.computeIfAbsent(correction.to(), k -> new ArrayList<>());
                    if (examples.size() < EXAMPLES_SHOWN && c.readable()) examples.add(shown(c.text()));
                    if (c.readable())
                        missedTexts
                                .computeIfAbsent(correction.to(), k -> new ArrayList<>())
                                .add(c.text());
                } else {
                    lowered++;
                    correction.rulesThatFired().forEach(rule -> misfired.merge(rule, 1, Integer::sum));
                }
            }
        }
        List<RuleCount> rules = misfired.entrySet().stream()
                .map(e -> new RuleCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingInt(RuleCount::times).reversed())
                .toList();
        List<Missed> misses = missedCount.entrySet().stream()
                .map(e -> new Missed(
                        e.getKey(),
                        e.getValue(),
                        List.copyOf(missed.get(e.getKey())),
                        Everyday.PHRASES.in(missedTexts.getOrDefault(e.getKey(), List.of()))))
                .toList();
        return new Summary(raised + lowered, raised, lowered, rules, misses);
    }

    /** One example whose class a proposed rule set would change. */
    record Change(
            String source, String text, ComplaintClass expected, ComplaintClass active, ComplaintClass proposed) {}

    /** How the active and the proposed rule sets read the examples of one source. */
    record Tally(String source, int examples, int rightActive, int rightProposed) {}

    /**
     * A dry run: per source, how many each set reads right, and every example that would change class; the proposed
     * set's fingerprint, which {@code PUT /rules} of the same set then finds.
     */
    record DryRun(String activeVersion, String fingerprint, List<Tally> tallies, int changed, List<Change> changes) {}

    /**
     * Replays a proposed rule set (as {@code PUT /rules} takes it, lexicon lists by name) on every correction, whose
     * label is the class people gave, and every shipped labelled example, with the active routing table, against
     * the active rule set: nothing is stored or changed. 400 with the problems when the set is invalid.
     */
    @PostMapping("/rules/dry-run")
    DryRun dryRun(@RequestBody RuleSet proposed, Authentication who) {
        long started = System.nanoTime();
        RuleSet complete = proposed == null
                ? null
                : SettingsView.refusedAs("Invalid rule set", () -> proposed.withLexicon(Lexicon.shipped()));
        SettingsView.refusedAs("Invalid rule set", () -> {
            var problems = RuleSetCheck.problems(complete);
            if (!problems.isEmpty()) throw new RejectedSettings("rule set", problems);
            return null;
        });
        ActiveSettings active = settings.current();
        ActiveSettings trial = new ActiveSettings(new Classifier("proposed", complete), active.router(), active.sla());
        long compiled = System.nanoTime();
        // The active set's reading of the labelled complaints is made once per version (LabelledReadings); the
        // proposed set reads them here, side by side on the cores there are, and the few corrections both.
        List<LabelledExamples.Example> examples = LabelledExamples.all();
        var activeReadings = labelledReadings.of(active);
        ComplaintClass[] proposedReadings = LabelledReadings.read(trial, examples);
        ComplaintClass[] activeClasses = activeReadings.join();
        Map<String, int[]> tallies = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        for (Corrected c : recentCorrections()) {
            if (!c.readable()) continue;
            tally(
                    "corrections",
                    c.text(),
                    c.label(),
                    LabelledReadings.classIn(active, c.text(), c.earlierComplaintIds(), c.stage()),
                    LabelledReadings.classIn(trial, c.text(), c.earlierComplaintIds(), c.stage()),
                    tallies,
                    changes);
        }
        for (int i = 0; i < examples.size(); i++) {
            LabelledExamples.Example e = examples.get(i);
            tally(e.set(), e.text(), e.expected(), activeClasses[i], proposedReadings[i], tallies, changes);
        }
        String fingerprint = RuleSetDryRuns.fingerprint(complete);
        dryRuns.record(fingerprint, active.classifier().version(), who.getName());
        log.info(
                "Dry run of a proposed rule set against {}: {} complaints read by both, {} would change class, in {} ms"
                        + " ({} ms compiling and checking it)",
                active.classifier().version(),
                examples.size() + tallies.getOrDefault("corrections", new int[1])[0],
                changes.size(),
                (System.nanoTime() - started) / 1_000_000,
                (compiled - started) / 1_000_000);
        return new DryRun(
                active.classifier().version(),
                fingerprint,
                tallies.entrySet().stream()
                        .map(t -> new Tally(t.getKey(), t.getValue()[0], t.getValue()[1], t.getValue()[2]))
                        .toList(),
                changes.size(),
                changes);
    }

    private static void tally(
            String source,
            String text,
            ComplaintClass expected,
            ComplaintClass now,
            ComplaintClass then,
            Map<String, int[]> tallies,
            List<Change> changes) {
        int[] tally = tallies.computeIfAbsent(source, s -> new int[3]);
        tally[0]++;
        if (now == expected) tally[1]++;
        if (then == expected) tally[2]++;
        if (now != then) changes.add(new Change(source, shown(text), expected, now, then));
    }

    private List<Corrected> recentCorrections() {
        return store.findAll(CORRECTED, new Document("receivedAt", -1), MOST_READ).stream()
                .map(v -> Corrected.of(v.value()))
                .toList();
    }

    private static String shown(String text) {
        return text.length() <= TEXT_SHOWN ? text : text.substring(0, TEXT_SHOWN) + "…";
    }
}
