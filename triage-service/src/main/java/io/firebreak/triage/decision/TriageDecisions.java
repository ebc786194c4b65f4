package io.firebreak.triage.decision;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.CustomerHandling;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.classification.Facts;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.classification.SemanticReader.Neighbour;
import io.firebreak.triage.classification.SemanticReader.Opinion;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.decision.ComplaintTriage.Review;
import io.firebreak.triage.routing.DepartmentRouter;
import io.firebreak.triage.routing.DepartmentRouter.Assignment;
import io.firebreak.triage.routing.DepartmentRouter.Responsibility;
import io.firebreak.triage.routing.Seniority;
import io.firebreak.triage.settings.ActiveSettings;
import io.firebreak.triage.sla.SlaPolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What triage decides, free of storage and messaging: the first classification, routing and owner of a received
 * complaint, and the re-triage on new facts (a reopening, an SLA breach, a later message, a rise in emotion). A class
 * only ever rises, every reason is kept, and a due time is never pushed back by a new fact; only a reopening or a
 * breach restarts the clocks. Each change publishes a classification and an assignment, so it lands on the case
 * file's timeline with its reason.
 */
@Component
public class TriageDecisions {

    static final String REOPENED_RULE = "reopened-after-follow-up";
    static final String SLA_BREACHED_RULE = "sla-breached";
    static final String EMOTION_ROSE_RULE = "emotion-rose";
    static final String PROPOSAL_REJECTED_RULE = "proposal-rejected";
    /** The reason a person's correction of the class carries, and the trigger it is published with. */
    public static final String RECLASSIFIED_RULE = "reclassified-by-person";

    public static final String RECLASSIFIED = "reclassified";

    private static final String RECEIVED = EventType.COMPLAINT_RECEIVED.wireName();
    private static final String REOPENED = EventType.COMPLAINT_REOPENED.wireName();
    private static final String BREACHED = EventType.SLA_BREACHED.wireName();
    private static final String MESSAGE = EventType.MESSAGE_ADDED.wireName();
    private static final String EMOTION = EventType.EMOTION_ROSE.wireName();
    private static final String REJECTED = EventType.PROPOSAL_REJECTED.wireName();

    private final Clock clock;
    private final SemanticReader reader;

    TriageDecisions(Clock clock) {
        this(clock, SemanticReader.NONE);
    }

    @Autowired
    TriageDecisions(Clock clock, SemanticReader reader) {
        this.clock = clock;
        this.reader = reader;
    }

    /**
     * What the rules and the routing table make of a complaint, the language its owner must read, and, when the
     * semantic reader disagrees with the rules about a MAJOR complaint, its opinion (null otherwise).
     */
    public record Assessment(
            Classifier.Result result, Responsibility responsibility, String language, Opinion disagreeing) {

        public Assessment(Classifier.Result result, Responsibility responsibility, String language) {
            this(result, responsibility, language, null);
        }
    }

    /** Routes, then classifies (some rules look at the routing: unclear or spread-out responsibility); rules only. */
    public static Assessment assess(
            ActiveSettings settings,
            String text,
            String productRef,
            Channel channel,
            List<String> earlierComplaintIds,
            CustomerStage stage) {
        return assess(settings, SemanticReader.NONE, text, productRef, channel, earlierComplaintIds, stage);
    }

    /**
     * Routes, classifies, and asks the semantic reader unless the rules read MAJOR from a sum or a fact it cannot see.
     * Where the rules found nothing at all (no rule fired, no word discounted, no sum weighed), the words are new to
     * them, and the class is the reader's when the labelled complaints they read most like clearly agree
     * ({@link #decides}): a reason names the nearest, and the complaint waits for a supervisor's review
     * ({@link #doubts}). Where the rules found something, the class is theirs: the reader, which reads by topic, cannot
     * tell a blanket that stopped heating from one that scorched the sheet as surely as the rules' negations and senses
     * can; when it reads the words as clearly MAJOR ({@link #disagrees}), or as clearly ordinary where the rules read
     * MAJOR from words alone ({@link #doubtsMajor}), the two readers disagree, and a supervisor decides.
     */
    public static Assessment assess(
            ActiveSettings settings,
            SemanticReader reader,
            String text,
            String productRef,
            Channel channel,
            List<String> earlierComplaintIds,
            CustomerStage stage) {
        ScannedText scanned = ScannedText.of(text);
        Responsibility responsibility = settings.router().route(scanned, productRef, channel);
        Classifier.Result result = settings.classifier()
                .classify(new Facts(
                        scanned,
                        earlierComplaintIds == null ? List.of() : earlierComplaintIds,
                        stage,
                        responsibility.departments(),
                        responsibility.workOnly()));
        String language = scanned.hasHan() ? "zh" : "en";
        if (result.complaintClass() == ComplaintClass.MAJOR) {
            if (!majorByWordsAlone(result)) return new Assessment(result, responsibility, language);
            Opinion opinion = reader.read(text).orElse(null);
            return new Assessment(result, responsibility, language, doubtsMajor(opinion) ? opinion : null);
        }
        Opinion opinion = reader.read(text).orElse(null);
        // A question about what would happen reports nothing: its topic is not an incident the reader may class.
        if (decides(opinion, result) && !scanned.asksWhatIf()) {
            return new Assessment(byMeaning(result, opinion), responsibility, language);
        }
        return new Assessment(result, responsibility, language, disagrees(opinion, result) ? opinion : null);
    }

    /**
     * The review after a later message of the customer: when the semantic reader reads its words as clearly MAJOR and
     * neither the rules (on the message) nor the class so far are, a supervisor looks again — the class is not raised
     * by it, as at receipt. A review already waiting gets the doubt added; one settled before opens again.
     */
    private Review laterDoubt(ComplaintTriage current, String text, Classifier.Result result, Review review) {
        if (text == null || current.complaintClass() == ComplaintClass.MAJOR) return review;
        if (result.complaintClass() == ComplaintClass.MAJOR) return review;
        Opinion opinion = reader.read(text).orElse(null);
        if (!disagrees(opinion, result)) return review;
        String doubt = "A later message reads like MAJOR complaints such as " + nearest(opinion.example())
                + "; the class is " + current.complaintClass();
        if (review != null && review.pending()) {
            List<String> doubts = new ArrayList<>(review.doubts());
            doubts.add(doubt);
            return Review.of(doubts);
        }
        return Review.of(List.of(doubt));
    }

    /** A neighbour as a doubt names it: “its words” (similarity 0.81). */
    private static String nearest(Neighbour example) {
        return String.format(java.util.Locale.ROOT, "%s (similarity %.2f)", example.shown(), example.similarity());
    }

    /** The rule a class the semantic reader decided carries as its reason. */
    public static final String SEMANTIC_RULE = "reads-like-labelled-complaints";

    /**
     * How clearly the nearest labelled complaints must agree for the semantic reader to decide the class of words the
     * rules found nothing in: their share of the neighbours' similarity (with five neighbours, three of them and a
     * little). For MAJOR, which costs a senior owner, a 30-minute clock and a supervisor's alert when wrong, the share
     * that makes the readers disagree where the rules found something ({@link #SEMANTIC_MAJORITY}).
     */
    static final double SEMANTIC_DECIDES = 0.6;

    /**
     * How near the nearest example of that class must be: words that read like nothing in particular ("嗯，你们看着办吧",
     * whose nearest are 0.62 alike) are not classed by whichever topic happens to be least far. On the fresh sets,
     * unseen, this floor changed no class the reader decided rightly.
     */
    static final double SEMANTIC_NEAR = 0.65;

    /**
     * Whether the semantic reader decides the class: the rules found nothing in the words (no rule fired, nothing
     * discounted as negated or everyday, no sum weighed: at stake and small, or large and not at stake), and the
     * nearest labelled complaints clearly read as another class ({@link #SEMANTIC_DECIDES}; for MAJOR
     * {@link #SEMANTIC_MAJORITY}), the nearest of them near ({@link #SEMANTIC_NEAR}).
     */
    static boolean decides(Opinion opinion, Classifier.Result result) {
        return byVote(opinion, result) || byLinearReading(opinion, result);
    }

    /**
     * The nearest labelled complaints decide ({@link #decides}): clearly, the nearest of them near, and for a class
     * below MAJOR borne out by the linear reading ({@link Opinion#borneOut}). The vote reads by topic: an ordinary
     * question on a severe complaint's topic ("Where do I find the reading on my bill?") has severe complaints for
     * its nearest. Replayed on the first readings (bench/results/2026-12-05/probe/), asking the linear reading to bear
     * out an ESCALATED or DIFFICULT vote took the near misses from 83.2% to 92.0% and the never-tuned hard-held-out
     * set from 96.3% to 98.1%, at 0.9 points of the fresh sets' first readings; a MAJOR vote stands alone, as the
     * costly miss is a missed MAJOR.
     */
    static boolean byVote(Opinion opinion, Classifier.Result result) {
        return opinion != null
                && opinion.complaintClass() != ComplaintClass.ORDINARY
                && opinion.share()
                        >= (opinion.complaintClass() == ComplaintClass.MAJOR ? SEMANTIC_MAJORITY : SEMANTIC_DECIDES)
                && opinion.example().similarity() >= SEMANTIC_NEAR
                && (opinion.complaintClass() == ComplaintClass.MAJOR || opinion.borneOut())
                && result.foundNothing();
    }

    /**
     * How probable MAJOR must be by the linear reading for it to decide MAJOR where the rules found nothing and the
     * nearest complaints did not: the MAJOR complaints whose words are new but whose danger, threat or loss reads
     * across topics. Replayed on the fresh sets' first readings (2,113 complaints, each read by the rules of its day
     * and by a reader that knew only the sets written before it), with the vote's rule above and the conditions of
     * {@link #byLinearReading}: MAJOR read as ORDINARY 74 → 65, accuracy 85.2% → 85.0%, ordinary complaints read as
     * MAJOR 8.5% as before (the rules' everyday senses of alarming words, mostly). Without asking for a MAJOR complaint
     * near, 48 missed and 85.8%, but ordinary complaints with nothing MAJOR near read MAJOR on the tuned sets; at 0.8,
     * more caught and more false (41 missed, 9.4% false, without the nearness).
     */
    static final double LINEAR_MAJOR = 0.9;

    /**
     * The linear reading does not decide MAJOR against nearest complaints that are mostly ordinary (this share of
     * their similarity): an ordinary complaint on a child's or a safety topic ("孩子的退烧贴少发了一盒", a toy fire
     * engine's siren) can read MAJOR linearly while its nearest are ordinary complaints about the same things.
     */
    static final double ORDINARY_VOTE = 0.5;

    /**
     * The linear reading decides MAJOR ({@link #LINEAR_MAJOR}) where the rules found nothing, the nearest are not
     * mostly ordinary ({@link #ORDINARY_VOTE}) and a MAJOR complaint is near, as the vote asks of its class ({@link
     * #SEMANTIC_NEAR}): "I'll take the lost wallet to the police station", "the driver said he'd come back tmrw and he
     * did, thx" and 我奶奶的老花镜镜腿松了 read MAJOR linearly with nothing MAJOR nearer than 0.59–0.62.
     */
    static boolean byLinearReading(Opinion opinion, Classifier.Result result) {
        return opinion != null
                && opinion.probed() != null
                && opinion.probed().complaintClass() == ComplaintClass.MAJOR
                && opinion.probed().probability() >= LINEAR_MAJOR
                && !(opinion.complaintClass() == ComplaintClass.ORDINARY && opinion.share() >= ORDINARY_VOTE)
                && opinion.probed().example().similarity() >= SEMANTIC_NEAR
                && result.foundNothing();
    }

    /**
     * The rules' empty reading, with the semantic reader's class and its reason: the nearest example, named (and for
     * a class of the linear reading, how probable it read).
     */
    static Classifier.Result byMeaning(Classifier.Result rules, Opinion opinion) {
        boolean voted = byVote(opinion, rules);
        Neighbour example = voted ? opinion.example() : opinion.probed().example();
        ComplaintClass read =
                voted ? opinion.complaintClass() : opinion.probed().complaintClass();
        String evidence =
                String.format(java.util.Locale.ROOT, "%s, similarity %.2f", example.shown(), example.similarity());
        String how = voted
                ? ""
                : String.format(
                        java.util.Locale.ROOT,
                        " (a reading learned from every labelled complaint: %s with probability %.2f)",
                        read,
                        opinion.probed().probability());
        String howZh = voted
                ? ""
                : String.format(
                        java.util.Locale.ROOT,
                        "（从全部已标注投诉学到的判读：%s，概率 %.2f）",
                        CLASS_ZH.get(read),
                        opinion.probed().probability());
        Reason reason = new Reason(
                SEMANTIC_RULE,
                evidence,
                "No rule fired, but the words read like " + read + " complaints" + how + " such as " + evidence + ".",
                "没有规则触发，但这段话读起来像" + CLASS_ZH.get(read) + howZh + "，例如 " + evidence + "。");
        return new Classifier.Result(
                read,
                List.of(new Classifier.Fired(read, reason)),
                List.of(reason),
                rules.ruleSetVersion(),
                rules.discounted(),
                rules.weighed());
    }

    /**
     * How clearly the nearest labelled complaints must be MAJOR (their share of the neighbours' similarity; with five
     * neighbours, about four of them) for the semantic reader to decide MAJOR where the rules found nothing, or to
     * disagree with the rules where they found less. Chosen on first readings replayed
     * (bench/results/2026-12-04/first-readings/): six fresh sets (449 complaints), each classed by the rules of the
     * day it was written, before any word changed for it, and by the reader comparing only with the sets written
     * before it. Asking all five nearest to be MAJOR before the reader decides it, as before, left 37 MAJOR complaints
     * read as ORDINARY (74.8% right); this share leaves 21 (78.4%), with no more false MAJOR there, and on the sets the
     * rules are tuned on reads one ordinary complaint more as MAJOR by its topic (an electric blanket that stopped
     * heating). Three of five (0.6) would leave 16 and class one more so (jury service).
     */
    static final double SEMANTIC_MAJORITY = 0.7;

    /**
     * Whether the semantic reader's opinion disagrees with the rules: it reads the words as MAJOR (a missed MAJOR is
     * the costly miss; the other classes it reads by topic more than by what decides them), its neighbours clearly
     * agree ({@link #SEMANTIC_MAJORITY}), the rules found less, and not because they judged MAJOR words negated or in
     * an everyday sense ("我不打算找律师", "a toy fire engine"), which the reader cannot see.
     */
    static boolean disagrees(Opinion opinion, Classifier.Result result) {
        return opinion != null
                && opinion.complaintClass() == ComplaintClass.MAJOR
                && opinion.share() >= SEMANTIC_MAJORITY
                && result.complaintClass() != ComplaintClass.MAJOR
                && result.discounted().stream().noneMatch(d -> d.complaintClass() == ComplaintClass.MAJOR);
    }

    /**
     * Whether the rules read MAJOR from words alone: every MAJOR rule that fired did so by its phrases, none by a sum
     * at stake or a fact of the complaint, which the semantic reader cannot see.
     */
    static boolean majorByWordsAlone(Classifier.Result result) {
        return result.fired().stream()
                .filter(f -> f.complaintClass() == ComplaintClass.MAJOR)
                .allMatch(Classifier.Fired::byWordsAlone);
    }

    /**
     * Whether the semantic reader doubts a MAJOR the rules read from words alone: the labelled complaints the words
     * read most like are clearly ordinary ({@link #SEMANTIC_MAJORITY} of the neighbours' similarity). The class stays
     * MAJOR (a missed MAJOR is the costly miss) and the doubt puts it before a supervisor, who can lower it. On the
     * fresh sets' first readings the rules' MAJOR against the reader's ORDINARY was the rules' everyday sense of an
     * alarming word 25 times in 26 (a toy ambulance, injury time, an order number ending 12315); on the tuned sets it
     * was a true MAJOR each time (bench/results/2026-12-04/first-readings/).
     */
    static boolean doubtsMajor(Opinion opinion) {
        return opinion != null
                && opinion.complaintClass() == ComplaintClass.ORDINARY
                && opinion.share() >= SEMANTIC_MAJORITY;
    }

    /**
     * Classifies, routes and assigns a received complaint, then applies any re-triage that arrived before it, in the
     * order they happened, as if the events had come in order. Events: (classified, assigned) per step.
     */
    Change<ComplaintTriage> triage(
            ComplaintReceived received, List<Retriage> waiting, ActiveSettings settings, Workload workload) {
        Assessment assessment = assess(
                settings,
                reader,
                textOf(received),
                received.productRef(),
                received.channel(),
                received.earlierComplaintIds(),
                received.stage());
        Classifier.Result result = assessment.result();
        ComplaintClass complaintClass = result.complaintClass();
        DepartmentRouter router = settings.router();
        Seniority atLeast = null;
        String excluded = null;
        if (complaintClass == ComplaintClass.ESCALATED && received.earlierComplaintIds() != null) {
            // A repeat contact goes to someone above whoever had the matter before (升级投诉: owner above the previous).
            for (String earlier : workload.ownersOf(received.earlierComplaintIds())) {
                Seniority seniority = router.seniorityOf(earlier);
                if (seniority != null && (atLeast == null || seniority.above().compareTo(atLeast) > 0)) {
                    atLeast = seniority.above();
                    excluded = earlier;
                }
            }
        }
        Assignment owner = ownerFor(
                received.handling(),
                router,
                assessment,
                complaintClass,
                atLeast,
                excluded,
                workload.loads(received.complaintId()));
        SlaPolicy sla = settings.sla();
        SlaPolicy.DueTimes due = sla.dueTimes(complaintClass, received.emotion(), received.occurredAt());
        Instant now = clock.instant();
        ComplaintTriage state = new ComplaintTriage(
                received.complaintId(),
                received.occurredAt(),
                received.emotion(),
                received.stage(),
                received.earlierComplaintIds(),
                assessment.language(),
                complaintClass,
                result.reasons(),
                result.ruleSetVersion(),
                router.version(),
                assessment.responsibility().primaryDepartment(),
                assessment.responsibility().secondaryDepartments(),
                owner.owner(),
                due.firstResponseDue(),
                due.resolutionDue(),
                true,
                received.occurredAt(),
                null,
                List.of(new ClassificationStep(
                        now,
                        complaintClass,
                        null,
                        result.reasons(),
                        RECEIVED,
                        result.ruleSetVersion(),
                        router.version(),
                        owner.owner(),
                        sla.version())),
                List.of(),
                textOf(received),
                Review.of(doubts(assessment, received.emotionSignals())));
        List<FirebreakEvent> events = new ArrayList<>(List.of(
                new ComplaintClassified(
                        state.complaintId(),
                        now,
                        complaintClass,
                        null,
                        state.reasons(),
                        state.ruleSetVersion(),
                        RECEIVED),
                assigned(state, now)));
        List<Retriage> inOrder =
                waiting.stream().sorted(Comparator.comparing(Retriage::at)).toList();
        for (Retriage retriage : inOrder) {
            Change<ComplaintTriage> next = retriage(state, retriage, settings, workload);
            if (next == null) continue;
            state = next.value();
            events.addAll(next.events());
        }
        return new Change<>(state, List.copyOf(events));
    }

    /**
     * Re-triages on a new fact. A reopening or a breach raises the class to at least ESCALATED (a MAJOR complaint
     * stays MAJOR), restarts the clocks from when it happened and gives the complaint to someone above its owner; a
     * rejected proposal escalates the same way but restarts no clock (a rise in class still starts the resolution
     * clock afresh). A later message is read by the rules like the first; a rise in emotion re-reads the customer's
     * stage, brings the first response forward and shortens the time left to resolve. The class rises to the most
     * severe rule that newly fired; if it rose, the owner is chosen again and the resolution clock starts afresh; the
     * first response is never later than it was. Returns null when nothing changes, and a change without events when only the customer's emotion or
     * stage does, or when the semantic reader reads a later message as clearly MAJOR and a supervisor is to look
     * again ({@link #laterDoubt}).
     */
    Change<ComplaintTriage> retriage(
            ComplaintTriage current, Retriage retriage, ActiveSettings settings, Workload workload) {
        String trigger = retriage.trigger();
        if (BREACHED.equals(trigger) && atLaddersEnd(current, settings.router())) {
            // Every level above has had its turn this round: the breach stands (resolution keeps it), with no new
            // clock to breach again and no new owner; a loop of warnings and breaches teaches people to ignore them.
            return null;
        }
        boolean restart = REOPENED.equals(trigger) || BREACHED.equals(trigger);
        // A rejected proposal escalates like them, but keeps the clocks: the customer is owed a better proposal
        // within the time already given, not more time.
        boolean escalate = restart || REJECTED.equals(trigger);
        List<Classifier.Fired> fired = new ArrayList<>();
        String ruleSetVersion = current.ruleSetVersion();
        EmotionLevel emotion = current.emotion();
        CustomerStage stage = current.stage();
        Reason note = null;
        Review review = current.review();
        if (escalate) {
            fired.add(new Classifier.Fired(ComplaintClass.ESCALATED, retriage.reason()));
        } else {
            Facts facts;
            if (EMOTION.equals(trigger)) {
                emotion = higher(emotion, retriage.emotion());
                stage = retriage.stage() == null ? stage : retriage.stage();
                note = retriage.reason();
                facts = new Facts(ScannedText.of(null), null, stage, null);
            } else {
                // A message: its words, and where the customer stands after it (coming back about the same matter
                // escalates even when the words are calm).
                if (retriage.stage() != null
                        && (stage == null || retriage.stage().compareTo(stage) > 0)) {
                    stage = retriage.stage();
                }
                facts = new Facts(ScannedText.of(retriage.text()), null, stage, null);
            }
            Classifier.Result result = settings.classifier().classify(facts);
            ruleSetVersion = result.ruleSetVersion();
            if (!EMOTION.equals(trigger)) review = laterDoubt(current, retriage.text(), result, review);
            Set<String> known = current.reasons().stream().map(Reason::rule).collect(Collectors.toSet());
            for (Classifier.Fired f : result.fired()) {
                if (!known.contains(f.rule())) fired.add(f);
            }
        }

        ComplaintClass complaintClass = current.complaintClass();
        for (Classifier.Fired f : fired) complaintClass = ComplaintClass.mostSevere(complaintClass, f.complaintClass());
        boolean rose = complaintClass != current.complaintClass();
        SlaPolicy.DueTimes fresh = settings.sla().dueTimes(complaintClass, emotion, retriage.at());
        // A proposal is made only after the first response: a rejection leaves that clock as it was.
        Instant firstResponseDue = restart
                ? fresh.firstResponseDue()
                : REJECTED.equals(trigger)
                        ? current.firstResponseDue()
                        : earlier(current.firstResponseDue(), fresh.firstResponseDue());
        Instant resolutionDue = restart || rose ? fresh.resolutionDue() : current.resolutionDue();
        if (EMOTION.equals(trigger) && !restart && !rose && emotion != current.emotion()) {
            // A rise in emotion shortens the time left to resolve too (an angrier customer is dealt with sooner), never
            // lengthens it.
            resolutionDue = settings.sla().resolutionAfterRise(resolutionDue, emotion, retriage.at());
        }

        DepartmentRouter router = settings.router();
        String owner = current.owner();
        String routingVersion = current.routingVersion();
        if (escalate || rose) {
            Seniority atLeast = null;
            String excluded = null;
            if (escalate || complaintClass == ComplaintClass.ESCALATED) {
                // Escalation: someone above the owner who has it now (升级投诉).
                Seniority previous = router.seniorityOf(current.owner());
                atLeast = previous == null ? null : previous.above();
                excluded = current.owner();
            }
            owner = router.chooseOwner(
                            current.primaryDepartment(),
                            complaintClass,
                            current.language() == null ? "zh" : current.language(),
                            atLeast,
                            excluded,
                            workload.loads(current.complaintId()))
                    .owner();
            routingVersion = router.version();
        }

        boolean changed = !fired.isEmpty()
                || !firstResponseDue.equals(current.firstResponseDue())
                || !resolutionDue.equals(current.resolutionDue())
                || !Objects.equals(owner, current.owner());
        if (!changed) {
            boolean customerChanged = emotion != current.emotion() || stage != current.stage();
            boolean doubted = !Objects.equals(review, current.review());
            if (!customerChanged && !doubted) return null;
            return Change.of(current.withCustomer(emotion, stage).withReview(review));
        }
        List<Reason> added =
                new ArrayList<>(fired.stream().map(Classifier.Fired::reason).toList());
        if (note != null) added.add(note);
        List<Reason> reasons = new ArrayList<>(current.reasons());
        // A rule firing makes "no rule fired" untrue: it gives way to the reason that now applies.
        if (!fired.isEmpty()) reasons.removeIf(r -> Classifier.NO_RULE_FIRED.equals(r.rule()));
        reasons.addAll(added);
        Instant assignedAt =
                REOPENED.equals(trigger) ? later(current.assignedAt(), retriage.at()) : current.assignedAt();
        Instant now = clock.instant();
        List<ClassificationStep> history = new ArrayList<>(current.history());
        history.add(new ClassificationStep(
                now,
                complaintClass,
                current.complaintClass(),
                List.copyOf(added),
                trigger,
                ruleSetVersion,
                routingVersion,
                owner,
                settings.sla().version()));
        ComplaintTriage next = new ComplaintTriage(
                current.complaintId(),
                current.receivedAt(),
                emotion,
                stage,
                current.earlierComplaintIds(),
                current.language(),
                complaintClass,
                reasons,
                ruleSetVersion,
                routingVersion,
                current.primaryDepartment(),
                current.secondaryDepartments(),
                owner,
                firstResponseDue,
                resolutionDue,
                ComplaintTriage.isOpen(assignedAt, current.settledAt()),
                assignedAt,
                current.settledAt(),
                history,
                current.waiting(),
                current.text(),
                review);
        return Change.of(
                next,
                new ComplaintClassified(
                        next.complaintId(),
                        now,
                        complaintClass,
                        current.complaintClass(),
                        next.reasons(),
                        ruleSetVersion,
                        trigger),
                assigned(next, now));
    }

    /**
     * The owner of a new complaint: for a customer who needs care (their handling, set by a supervisor), the one
     * person who had their last complaint when one point of contact was agreed and that person can take it (not on
     * an escalation, which goes above), else a handler of at least the seniority their handling asks; otherwise as
     * the class and the escalation need.
     */
    private static Assignment ownerFor(
            CustomerHandling handling,
            DepartmentRouter router,
            Assessment assessment,
            ComplaintClass complaintClass,
            Seniority atLeast,
            String excluded,
            DepartmentRouter.Loads loads) {
        Seniority floor = handling != null && handling.seniorOwner() ? Seniority.SENIOR : null;
        if (handling != null
                && handling.onePointOfContact()
                && atLeast == null
                && router.canTake(handling.pointOfContact(), assessment.language(), floor, loads)) {
            return new Assignment(handling.pointOfContact(), router.seniorityOf(handling.pointOfContact()));
        }
        return router.chooseOwner(
                assessment.responsibility().primaryDepartment(),
                complaintClass,
                assessment.language(),
                atLeast,
                excluded,
                loads,
                floor);
    }

    /**
     * Why a person should look at a new classification (none: the readers are confident): an ORDINARY complaint in
     * which no department's words were found, so the triage queue must decide who takes it; words of a more severe rule were found but discounted as
     * negated or in an everyday sense ("没有受伤", "Fire TV"); intake read a signal of a more severe class (a hazard,
     * a threat, a regulator, the media) that triage did not act on.
     */
    public static List<String> doubts(Assessment assessment, List<String> intakeSignals) {
        List<String> doubts = new ArrayList<>();
        Classifier.Result result = assessment.result();
        if (assessment.disagreeing() != null) {
            // Two readers disagree: a person decides.
            doubts.add("The rules read " + result.complaintClass() + ", but the words read like "
                    + assessment.disagreeing().complaintClass() + " complaints such as "
                    + nearest(assessment.disagreeing().example()));
        }
        for (Classifier.Fired f : result.fired()) {
            // The class is the semantic reader's alone: a person confirms it.
            if (f.rule().equals(SEMANTIC_RULE)) {
                doubts.add("No rule fired; the class " + f.complaintClass() + " is the semantic reader's: "
                        + f.reason().evidence());
            }
        }
        if (assessment.responsibility().departments().isEmpty() && result.complaintClass() == ComplaintClass.ORDINARY) {
            // Nothing the rules or the routing know was found: the class is a guess. (A MAJOR, ESCALATED or
            // DIFFICULT complaint no department takes already has a supervisor's or an expert's eyes on it.)
            doubts.add("No department's words found: the triage queue decides who takes it");
        }
        for (Classifier.Discounted d : result.doubtful()) {
            doubts.add("Words of " + d.rule() + " (" + d.complaintClass() + ") not counted: " + d.words() + " ("
                    + d.why() + ")");
        }
        if (result.complaintClass() != ComplaintClass.MAJOR && intakeSignals != null) {
            for (String signal : intakeSignals) {
                String kind = signal.substring(0, Math.max(0, signal.indexOf(':')));
                if (MAJOR_SIGNALS.contains(kind)) {
                    doubts.add("Intake read " + signal + "; triage found no MAJOR rule");
                }
            }
        }
        return List.copyOf(doubts);
    }

    /** Intake's signals that the MAJOR rules read too (the shared lexicon's lists). */
    private static final Set<String> MAJOR_SIGNALS = Set.of("threat", "regulator", "media", "safety");

    /**
     * A person's correction of the class (人工复核改类): raising it, by any member of staff, or lowering it, by a
     * supervisor, always with a reason, which is kept on the record. The clocks follow the new class as if it had been
     * read so: raised, they start afresh from now (the first response never later than it was); lowered, they run
     * from receipt with the lower class's targets. The owner is chosen again for the new class in the same department;
     * a review waiting is settled. Published like any classification (trigger {@value #RECLASSIFIED}), so the case,
     * the case file, the alerts and the reports follow.
     *
     * @throws IllegalArgumentException when the class is the one it has
     */
    Change<ComplaintTriage> reclassify(
            ComplaintTriage current,
            ComplaintClass to,
            String by,
            String why,
            ActiveSettings settings,
            Workload workload) {
        ComplaintClass from = current.complaintClass();
        if (to == from) throw new IllegalArgumentException("The complaint is " + from + " already");
        boolean raised = ComplaintClass.mostSevere(from, to) == to;
        Instant now = clock.instant();
        SlaPolicy sla = settings.sla();
        Instant firstResponseDue;
        Instant resolutionDue;
        if (raised) {
            SlaPolicy.DueTimes fresh = sla.dueTimes(to, current.emotion(), now);
            firstResponseDue = earlier(current.firstResponseDue(), fresh.firstResponseDue());
            resolutionDue = fresh.resolutionDue();
        } else {
            SlaPolicy.DueTimes asIf = sla.dueTimes(to, current.emotion(), current.receivedAt());
            firstResponseDue = asIf.firstResponseDue();
            resolutionDue = asIf.resolutionDue();
        }
        DepartmentRouter router = settings.router();
        String owner = router.chooseOwner(
                        current.primaryDepartment(),
                        to,
                        current.language() == null ? "zh" : current.language(),
                        null,
                        null,
                        workload.loads(current.complaintId()))
                .owner();
        String evidence = by + ": " + why;
        Reason reason = new Reason(
                RECLASSIFIED_RULE,
                evidence,
                "Reclassified from " + from + " to " + to + " by " + by + ": " + why,
                "由 " + by + " 从" + CLASS_ZH.get(from) + "改为" + CLASS_ZH.get(to) + "：" + why);
        List<Reason> reasons = new ArrayList<>(current.reasons());
        reasons.removeIf(r -> Classifier.NO_RULE_FIRED.equals(r.rule()) && raised);
        reasons.add(reason);
        List<ClassificationStep> history = new ArrayList<>(current.history());
        history.add(new ClassificationStep(
                now,
                to,
                from,
                List.of(reason),
                RECLASSIFIED,
                current.ruleSetVersion(),
                router.version(),
                owner,
                sla.version()));
        Review review = current.review() == null ? Review.of(List.of()) : current.review();
        ComplaintTriage next = new ComplaintTriage(
                current.complaintId(),
                current.receivedAt(),
                current.emotion(),
                current.stage(),
                current.earlierComplaintIds(),
                current.language(),
                to,
                reasons,
                current.ruleSetVersion(),
                router.version(),
                current.primaryDepartment(),
                current.secondaryDepartments(),
                owner,
                firstResponseDue,
                resolutionDue,
                current.open(),
                current.assignedAt(),
                current.settledAt(),
                history,
                current.waiting(),
                current.text(),
                review.decided(Review.RECLASSIFIED, by, now, why));
        return Change.of(
                next,
                new ComplaintClassified(
                        next.complaintId(), now, to, from, next.reasons(), next.ruleSetVersion(), RECLASSIFIED),
                assigned(next, now));
    }

    /** A supervisor confirms a doubtful class: the review is settled, nothing else changes. */
    ComplaintTriage confirm(ComplaintTriage current, String by, String note) {
        Review review = current.review() == null ? Review.of(List.of()) : current.review();
        return current.withReview(review.decided(Review.CONFIRMED, by, clock.instant(), note));
    }

    private static final java.util.Map<ComplaintClass, String> CLASS_ZH = java.util.Map.of(
            ComplaintClass.ORDINARY,
            "普通投诉",
            ComplaintClass.MAJOR,
            "重大投诉",
            ComplaintClass.ESCALATED,
            "升级投诉",
            ComplaintClass.DIFFICULT,
            "疑难投诉");

    /**
     * Whether a breach has no level left to escalate to in this round (since the complaint was received or last
     * reopened): its owner is the department's head (the ladder's top: owner → senior → expert → supervisor →
     * head), or a queue (nobody on the roster was above the last owner, or nobody was there at all), or breaches
     * have already climbed the ladder's height. An unowned complaint is not: its breach finds it an owner.
     */
    static boolean atLaddersEnd(ComplaintTriage current, DepartmentRouter router) {
        Seniority owner = router.seniorityOf(current.owner());
        if (current.owner() != null && (owner == null || owner == Seniority.HEAD)) return true;
        int breaches = 0;
        for (ClassificationStep step : current.history()) {
            if (REOPENED.equals(step.trigger())) breaches = 0;
            if (BREACHED.equals(step.trigger())) breaches++;
        }
        return breaches >= Seniority.values().length - 1;
    }

    /** Resolved or closed: the complaint leaves its owner's load (until a reopening gives it back). */
    Change<ComplaintTriage> settled(ComplaintTriage current, Instant at) {
        if (!current.triaged()) return null;
        ComplaintTriage next = current.settled(at);
        return next.equals(current) ? null : Change.of(next);
    }

    static Retriage reopened(ComplaintReopened event) {
        String reason = event.reason() == null || event.reason().isBlank() ? "reopened" : event.reason();
        return new Retriage(
                REOPENED,
                event.occurredAt(),
                new Reason(
                        REOPENED_RULE,
                        reason,
                        "Reopened after a resolution the customer did not accept: " + reason + ".",
                        "客户不认可处理结果，投诉重新打开：" + reason + "。"));
    }

    static Retriage breached(SlaBreached event) {
        String evidence = event.clock() + " was due " + event.dueAt();
        String clockZh = event.clock() == null
                ? "时限"
                : switch (event.clock()) {
                    case FIRST_RESPONSE -> "首次响应时限";
                    case RESOLUTION -> "解决时限";
                };
        return new Retriage(
                BREACHED,
                event.occurredAt(),
                new Reason(
                        SLA_BREACHED_RULE,
                        evidence,
                        "The " + event.clock() + " SLA was breached: it was due " + event.dueAt() + ".",
                        clockZh + "已超时（应于 " + event.dueAt() + " 前完成）。"));
    }

    static Retriage proposalRejected(ProposalRejected event) {
        boolean said = event.comment() != null && !event.comment().isBlank();
        String evidence = said ? event.comment() : "proposal rejected by the customer";
        return new Retriage(
                REJECTED,
                event.occurredAt(),
                new Reason(
                        PROPOSAL_REJECTED_RULE,
                        evidence,
                        "The proposal was rejected by the customer" + (said ? ": " + event.comment() : "") + ".",
                        "客户拒绝了处理方案" + (said ? "：" + event.comment() : "") + "。"));
    }

    static Retriage message(MessageAdded event) {
        return new Retriage(MESSAGE, event.occurredAt(), null, event.text(), event.emotion(), event.stage());
    }

    static Retriage emotionRose(EmotionRose event) {
        String evidence = event.previous() + " → " + event.current()
                + (event.signals() == null || event.signals().isEmpty()
                        ? ""
                        : " (" + String.join(", ", event.signals()) + ")");
        return new Retriage(
                EMOTION,
                event.occurredAt(),
                new Reason(
                        EMOTION_ROSE_RULE,
                        evidence,
                        "The customer's emotion rose (" + evidence
                                + "): feelings first, the first response comes sooner.",
                        "客户情绪升级（" + evidence + "）：先处理情感，首次响应提前。"),
                null,
                event.current(),
                event.stage());
    }

    private static ResponsibilityAssigned assigned(ComplaintTriage state, Instant now) {
        return new ResponsibilityAssigned(
                state.complaintId(),
                now,
                state.primaryDepartment(),
                state.secondaryDepartments(),
                state.complaintClass(),
                state.firstResponseDue(),
                state.resolutionDue(),
                state.owner());
    }

    /** The customer's own words: what happened and what they want (a threat is often in the remedy sought). */
    static String textOf(ComplaintReceived received) {
        StringBuilder text = new StringBuilder();
        if (received.description() != null) text.append(received.description());
        if (received.remedySought() != null) text.append('\n').append(received.remedySought());
        return text.toString();
    }

    private static EmotionLevel higher(EmotionLevel a, EmotionLevel b) {
        if (a == null) return b;
        if (b == null) return a;
        return b.compareTo(a) > 0 ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
