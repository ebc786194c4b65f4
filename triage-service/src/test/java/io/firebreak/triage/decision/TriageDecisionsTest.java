package io.firebreak.triage.decision;

import static io.firebreak.events.ComplaintClass.MAJOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.CustomerHandling;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.SlaBreached;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.outbox.Change;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.classification.Classifier;
import io.firebreak.triage.classification.SemanticReader;
import io.firebreak.triage.classification.SemanticReader.Neighbour;
import io.firebreak.triage.classification.SemanticReader.Opinion;
import io.firebreak.triage.classification.SemanticReader.Probed;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
import io.firebreak.triage.routing.DepartmentRouter.Loads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriageDecisionsTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-23T08:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:05Z");

    private final TriageDecisions decisions = new TriageDecisions(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Loads and earlier owners the tests set. */
    private final Map<String, Integer> open = new HashMap<>();

    private final Map<String, String> earlierOwners = new HashMap<>();
    private final Workload workload = new Workload() {
        @Override
        public Loads loads(String excludingComplaintId) {
            return people -> open;
        }

        @Override
        public List<String> ownersOf(List<String> complaintIds) {
            return complaintIds.stream()
                    .filter(earlierOwners::containsKey)
                    .map(earlierOwners::get)
                    .toList();
        }
    };

    @Test
    void aPostInPublicBringsPublicRelationsIntoTheWorkNotIntoTheCountOfDepartmentsAtFault() {
        String text = "I was charged the delivery fee even though my order was over the free-delivery minimum.";

        TriageDecisions.Assessment posted =
                TriageDecisions.assess(Shipped.settings(), text, null, Channel.SOCIAL_MEDIA, List.of(), null);

        assertThat(posted.responsibility().departments())
                .contains("PUBLIC_RELATIONS")
                .hasSize(4);
        assertThat(posted.result().complaintClass())
                .as("three departments at fault and public relations to answer the post: an ordinary complaint")
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(TriageDecisions.assess(Shipped.settings(), text, null, Channel.WEB_FORM, List.of(), null)
                        .result()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void receivedComplaintIsClassifiedThenAssignedWithOwnerAndDueTimesFromWhenItWasReceived() {
        Change<ComplaintTriage> change = triage(received("充电器质量太差，我要找律师", EmotionLevel.UPSET));

        ComplaintTriage triage = change.value();
        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(triage.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("legal-action", "律师"));
        assertThat(triage.primaryDepartment()).isEqualTo("PRODUCT_QUALITY");
        assertThat(triage.owner()).isEqualTo("huang.tao"); // the department's SENIOR
        assertThat(triage.language()).isEqualTo("zh");
        assertThat(triage.open()).isTrue();
        assertThat(triage.firstResponseDue()).isEqualTo(RECEIVED.plus(Duration.ofMinutes(30)));
        assertThat(triage.resolutionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
        assertThat(triage.ruleSetVersion()).isEqualTo(Shipped.RULES_VERSION);
        assertThat(triage.routingVersion()).isEqualTo(Shipped.ROUTING_VERSION);
        assertThat(triage.history()).singleElement().satisfies(step -> {
            assertThat(step.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
            assertThat(step.previousClass()).isNull();
            assertThat(step.trigger()).isEqualTo("firebreak.complaint.received");
            assertThat(step.owner()).isEqualTo("huang.tao");
        });
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0))
                .isEqualTo(new ComplaintClassified(
                        "c-1",
                        NOW,
                        ComplaintClass.MAJOR,
                        null,
                        triage.reasons(),
                        triage.ruleSetVersion(),
                        "firebreak.complaint.received"));
        assertThat(change.events().get(1))
                .isEqualTo(new ResponsibilityAssigned(
                        "c-1",
                        NOW,
                        "PRODUCT_QUALITY",
                        List.of(),
                        ComplaintClass.MAJOR,
                        triage.firstResponseDue(),
                        triage.resolutionDue(),
                        "huang.tao"));
    }

    @Test
    void remedySoughtIsReadToo() {
        ComplaintReceived received = new ComplaintReceived(
                "c-1",
                RECEIVED,
                Channel.PHONE,
                "cust-1",
                "138****0000",
                "The order was late",
                null,
                null,
                "I will take you to court",
                EmotionLevel.UPSET,
                List.of(),
                null,
                null,
                List.of());

        assertThat(triage(received).value().complaintClass()).isEqualTo(ComplaintClass.MAJOR);
    }

    @Test
    void ordinaryComplaintGoesToAnAgentWhoReadsItsLanguage() {
        ComplaintTriage zh = triage(received("快递还没到", EmotionLevel.CALM)).value();
        ComplaintTriage en =
                triage(received("My parcel has not arrived", EmotionLevel.CALM)).value();

        assertThat(zh.owner()).isEqualTo("wang.lei");
        assertThat(en.language()).isEqualTo("en");
        assertThat(en.owner()).isEqualTo("david.liu");
    }

    @Test
    void aBusyAgentIsPassedOverForALessLoadedOne() {
        open.put("wang.lei", 10);
        open.put("david.liu", 2);

        assertThat(triage(received("快递还没到", EmotionLevel.CALM)).value().owner()).isEqualTo("david.liu");
    }

    @Test
    void aComplaintNoDepartmentTakesGoesToTheTriageQueueWithoutBeingCalledDifficult() {
        ComplaintTriage triage = triage(received("嗯，你们看着办吧", EmotionLevel.CALM)).value();

        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triage.primaryDepartment()).isEqualTo("TRIAGE");
        assertThat(triage.reasons()).extracting(Reason::rule).containsExactly(Classifier.NO_RULE_FIRED);
        assertThat(triage.owner()).isEqualTo("qian.wen");
    }

    /** A reader whose nearest labelled complaints are the given ones, whatever the words. */
    private static SemanticReader reading(ComplaintClass... classes) {
        return readingAt(0.8, classes);
    }

    /** Three of the five nearest DIFFICULT, two ORDINARY: a share of 0.61 for DIFFICULT. */
    private static SemanticReader threeOfFiveDifficult() {
        return reading(
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT,
                ComplaintClass.ORDINARY,
                ComplaintClass.ORDINARY);
    }

    /** The same, the nearest {@code similarity} alike and each next one a little less. */
    private static SemanticReader readingAt(double similarity, ComplaintClass... classes) {
        List<Neighbour> nearest = new ArrayList<>();
        for (int i = 0; i < classes.length; i++) {
            nearest.add(new Neighbour("labelled " + i, classes[i], similarity - i * 0.01));
        }
        return text -> Opinion.of(nearest);
    }

    private Change<ComplaintTriage> triageWith(SemanticReader reader, String description) {
        return new TriageDecisions(Clock.fixed(NOW, ZoneOffset.UTC), reader)
                .triage(received(description, EmotionLevel.CALM), List.of(), Shipped.settings(), workload);
    }

    @Test
    void wordsThatReadClearlyLikeMajorComplaintsTheRulesMissedWaitForASupervisorsReviewUnderTheRulesClass() {
        ComplaintTriage triage = triageWith(
                        reading(MAJOR, MAJOR, MAJOR, MAJOR, ComplaintClass.ORDINARY), "你们从我卡里扣了三千四，那个行程我早就按时取消了。")
                .value();

        // The rules found something (a sum at stake, weighed and found small), so the class stays theirs.
        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triage.review().pending()).isTrue();
        assertThat(triage.review().doubts())
                .anySatisfy(
                        d -> assertThat(d)
                                .contains(
                                        "The rules read ORDINARY, but the words read like MAJOR complaints such as “labelled 0”"));
    }

    @Test
    void aQuestionAboutWhatWouldHappenIsNotClassedByItsTopic() {
        // The same reader classes a report of what happened by its nearest complaints ...
        assertThat(triageWith(threeOfFiveDifficult(), "The fridge broke after the warranty ran out.")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.DIFFICULT);
        // ... but not a question about what would happen.
        assertThat(triageWith(
                                threeOfFiveDifficult(),
                                "Hypothetically, if the fridge broke after the warranty, would you repair it for a fee?")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triageWith(threeOfFiveDifficult(), "假如冰箱过了保修期坏了，你们还能付费维修吗？")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void theSemanticReaderIsNotHeardWhenItsNeighboursAreSplitOrTheRulesJudgedTheMajorWordsThemselves() {
        // Three of five MAJOR: not clear enough.
        assertThat(triageWith(
                                reading(MAJOR, MAJOR, MAJOR, ComplaintClass.ORDINARY, ComplaintClass.ORDINARY),
                                "The toaster's crumb tray glowed orange")
                        .value()
                        .review()
                        .doubts())
                .noneMatch(d -> d.contains("read like MAJOR"));
        // The rules found the lawyer and judged him negated: the reader, which cannot see negation, is not heard.
        assertThat(triageWith(reading(MAJOR, MAJOR, MAJOR, MAJOR, MAJOR), "我不打算找律师，只想换个新的")
                        .value()
                        .review()
                        .doubts())
                .noneMatch(d -> d.contains("read like MAJOR"));
        // The rules found MAJOR in a sum at stake, which the reader cannot see: it is not asked.
        SemanticReader failing = text -> {
            throw new AssertionError("asked about " + text);
        };
        assertThat(triageWith(failing, "你们从我卡里扣了两万三，那个行程我早就按时取消了。").value().complaintClass())
                .isEqualTo(MAJOR);
    }

    @Test
    void aMajorTheRulesReadFromWordsAloneThatReadsClearlyOrdinaryStaysMajorAndWaitsForASupervisor() {
        ComplaintTriage doubted = triageWith(
                        reading(
                                ComplaintClass.ORDINARY,
                                ComplaintClass.ORDINARY,
                                ComplaintClass.ORDINARY,
                                ComplaintClass.ORDINARY,
                                MAJOR),
                        "The heater caught fire in the living room")
                .value();

        assertThat(doubted.complaintClass()).isEqualTo(MAJOR);
        assertThat(doubted.review().pending()).isTrue();
        assertThat(doubted.review().doubts())
                .anySatisfy(d -> assertThat(d)
                        .startsWith("The rules read MAJOR, but the words read like ORDINARY complaints such as"));

        // Split neighbours are no doubt.
        assertThat(triageWith(
                                reading(
                                        ComplaintClass.ORDINARY,
                                        ComplaintClass.ORDINARY,
                                        ComplaintClass.ORDINARY,
                                        MAJOR,
                                        MAJOR),
                                "The heater caught fire in the living room")
                        .value()
                        .review()
                        .doubts())
                .noneMatch(d -> d.startsWith("The rules read MAJOR"));
    }

    /** Nearest: three DIFFICULT of five (the first as given), two ORDINARY; beside them this linear reading. */
    private static SemanticReader difficultVote(Neighbour first, Probed probed) {
        List<Neighbour> nearest = List.of(
                first,
                new Neighbour("labelled 1", ComplaintClass.DIFFICULT, 0.79),
                new Neighbour("labelled 2", ComplaintClass.DIFFICULT, 0.78),
                new Neighbour("labelled 3", ComplaintClass.ORDINARY, 0.77),
                new Neighbour("labelled 4", ComplaintClass.ORDINARY, 0.76));
        return text -> Opinion.of(nearest, probed);
    }

    private static Probed linear(ComplaintClass complaintClass, double probability, double nearestOfItsClass) {
        return new Probed(
                complaintClass,
                probability,
                new Neighbour("nearest " + complaintClass, complaintClass, nearestOfItsClass));
    }

    @Test
    void aVoteBelowMajorDecidesOnlyWhenTheLinearReadingBearsItOutOrAPersonClassedItsExample() {
        String words = "The toaster's crumb tray glowed orange";
        Neighbour labelled = new Neighbour("labelled 0", ComplaintClass.DIFFICULT, 0.80);

        assertThat(triageWith(difficultVote(labelled, linear(ComplaintClass.DIFFICULT, 0.6, 0.80)), words)
                        .value()
                        .complaintClass())
                .as("borne out")
                .isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(triageWith(difficultVote(labelled, linear(ComplaintClass.ORDINARY, 0.7, 0.77)), words)
                        .value()
                        .complaintClass())
                .as("not borne out: the rules' class")
                .isEqualTo(ComplaintClass.ORDINARY);

        // A person's class for words like these outranks the linear reading.
        Neighbour corrected = new Neighbour(words, ComplaintClass.DIFFICULT, 0.97, SemanticReader.correctionOf("c-7"));
        ComplaintTriage byCorrection = triageWith(
                        difficultVote(corrected, linear(ComplaintClass.ORDINARY, 0.7, 0.77)), words)
                .value();
        assertThat(byCorrection.complaintClass()).isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(byCorrection.reasons().get(0).evidence()).contains("the words of c-7, classed by a person");
    }

    @Test
    void theLinearReadingDecidesMajorWhenSureWithAMajorComplaintNearAndTheNearestNotMostlyOrdinary() {
        String words = "The toaster's crumb tray glowed orange";
        List<Neighbour> split = List.of(
                new Neighbour("labelled 0", ComplaintClass.ESCALATED, 0.72),
                new Neighbour("labelled 1", ComplaintClass.ORDINARY, 0.71),
                new Neighbour("labelled 2", ComplaintClass.DIFFICULT, 0.70),
                new Neighbour("labelled 3", MAJOR, 0.69),
                new Neighbour("labelled 4", ComplaintClass.ORDINARY, 0.68));

        ComplaintTriage major = triageWith(text -> Opinion.of(split, linear(MAJOR, 0.95, 0.69)), words)
                .value();
        assertThat(major.complaintClass()).isEqualTo(MAJOR);
        assertThat(major.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(TriageDecisions.SEMANTIC_RULE);
            assertThat(r.evidence()).contains("“nearest MAJOR”").contains("0.69");
            assertThat(r.en()).contains("MAJOR with probability 0.95");
            assertThat(r.zh()).contains("概率 0.95");
        });
        assertThat(major.review().pending())
                .as("a class of the reader's waits for review")
                .isTrue();

        assertThat(triageWith(text -> Opinion.of(split, linear(MAJOR, 0.85, 0.69)), words)
                        .value()
                        .complaintClass())
                .as("not sure enough")
                .isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triageWith(text -> Opinion.of(split, linear(MAJOR, 0.95, 0.60)), words)
                        .value()
                        .complaintClass())
                .as("no MAJOR complaint near")
                .isEqualTo(ComplaintClass.ORDINARY);
        List<Neighbour> mostlyOrdinary = List.of(
                new Neighbour("labelled 0", ComplaintClass.ORDINARY, 0.72),
                new Neighbour("labelled 1", ComplaintClass.ORDINARY, 0.71),
                new Neighbour("labelled 2", ComplaintClass.ORDINARY, 0.70),
                new Neighbour("labelled 3", MAJOR, 0.69),
                new Neighbour("labelled 4", ComplaintClass.DIFFICULT, 0.68));
        assertThat(triageWith(text -> Opinion.of(mostlyOrdinary, linear(MAJOR, 0.95, 0.69)), words)
                        .value()
                        .complaintClass())
                .as("the nearest mostly ordinary")
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void wordsTheRulesFindNothingInTakeTheSemanticReadersClassWithItsReasonAndWaitForReview() {
        // Three of five nearest DIFFICULT (a share of 0.61): clear enough for a class other than MAJOR.
        ComplaintTriage difficult = triageWith(threeOfFiveDifficult(), "The toaster's crumb tray glowed orange")
                .value();

        assertThat(difficult.complaintClass()).isEqualTo(ComplaintClass.DIFFICULT);
        assertThat(difficult.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(TriageDecisions.SEMANTIC_RULE);
            assertThat(r.evidence()).contains("“labelled 0”").contains("0.80");
            assertThat(r.en()).startsWith("No rule fired, but the words read like DIFFICULT complaints");
            assertThat(r.zh()).contains("疑难投诉");
        });
        assertThat(difficult.review().pending()).isTrue();
        assertThat(difficult.review().doubts())
                .anySatisfy(
                        d -> assertThat(d).startsWith("No rule fired; the class DIFFICULT is the semantic reader's"));

        // Words that read like nothing in particular: the least far topic does not class them.
        assertThat(triageWith(
                                readingAt(
                                        0.62,
                                        ComplaintClass.ESCALATED,
                                        ComplaintClass.ESCALATED,
                                        ComplaintClass.ESCALATED,
                                        ComplaintClass.ESCALATED,
                                        ComplaintClass.ESCALATED),
                                "The toaster's crumb tray glowed orange")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);

        // MAJOR by meaning when about four of five nearest are MAJOR, the share at which the readers disagree where
        // the rules found something; it waits for a supervisor, who can lower it.
        ComplaintTriage major = triageWith(
                        reading(MAJOR, MAJOR, MAJOR, MAJOR, ComplaintClass.ORDINARY),
                        "The toaster's crumb tray glowed orange")
                .value();
        assertThat(major.complaintClass()).isEqualTo(MAJOR);
        assertThat(major.reasons())
                .singleElement()
                .satisfies(r -> assertThat(r.rule()).isEqualTo(TriageDecisions.SEMANTIC_RULE));
        assertThat(major.review().pending()).isTrue();
        // Three of five are enough for the other classes, not for MAJOR: the rules' ORDINARY stands.
        assertThat(triageWith(
                                reading(MAJOR, MAJOR, MAJOR, ComplaintClass.ORDINARY, ComplaintClass.ORDINARY),
                                "The toaster's crumb tray glowed orange")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void theClassAPersonGaveIsTheLastReclassificationsElseTheOneASupervisorConfirmed() {
        ComplaintTriage doubtful = triageWith(threeOfFiveDifficult(), "The toaster's crumb tray glowed orange")
                .value();
        assertThat(doubtful.classByPerson())
                .as("the readers' class, nobody's yet")
                .isEmpty();

        ComplaintTriage confirmed = decisions.confirm(doubtful, "supervisor-2", "Read it: one for the experts");
        assertThat(confirmed.classByPerson()).contains(ComplaintClass.DIFFICULT);

        ComplaintTriage raised = decisions
                .reclassify(confirmed, MAJOR, "agent-7", "It glowed orange: a fire risk", Shipped.settings(), workload)
                .value();
        assertThat(raised.classByPerson()).contains(MAJOR);
    }

    @Test
    void aLaterMessageThatReadsLikeMajorComplaintsPutsTheClassBeforeASupervisorWithoutRaisingIt() {
        ComplaintTriage ordinary =
                triage(received("快递三天都没到", EmotionLevel.CALM)).value();
        assertThat(ordinary.review().pending()).isFalse();
        Retriage later =
                message(RECEIVED.plus(Duration.ofHours(2)), "The plug went black around the pins this morning");

        TriageDecisions withReader =
                new TriageDecisions(Clock.fixed(NOW, ZoneOffset.UTC), reading(MAJOR, MAJOR, MAJOR, MAJOR, MAJOR));
        Change<ComplaintTriage> doubted = withReader.retriage(ordinary, later, Shipped.settings(), workload);

        assertThat(doubted.value().complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(doubted.value().firstResponseDue()).isEqualTo(ordinary.firstResponseDue());
        assertThat(doubted.events())
                .as("the class and clocks stand: nothing to publish")
                .isEmpty();
        assertThat(doubted.value().review().pending()).isTrue();
        assertThat(doubted.value().review().doubts())
                .singleElement()
                .satisfies(d ->
                        assertThat(d).startsWith("A later message reads like MAJOR complaints such as “labelled 0”"));

        // The rules alone find nothing in those words: nothing changes.
        assertThat(retriage(ordinary, later)).isNull();
        // Nor when the neighbours are split.
        assertThat(new TriageDecisions(
                                Clock.fixed(NOW, ZoneOffset.UTC),
                                reading(MAJOR, MAJOR, MAJOR, ComplaintClass.ORDINARY, ComplaintClass.ORDINARY))
                        .retriage(ordinary, later, Shipped.settings(), workload))
                .isNull();
    }

    @Test
    void whereTheRulesFoundSomethingTheClassStaysTheirs() {
        SemanticReader difficult = reading(
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT,
                ComplaintClass.DIFFICULT);
        // A rule fired (repeat contact).
        assertThat(triageWith(difficult, "This is the third time I'm writing about the toaster")
                        .value()
                        .complaintClass())
                .isEqualTo(ComplaintClass.ESCALATED);
        // The amount rule weighed the money at stake and found it small.
        ComplaintTriage small = triageWith(reading(MAJOR, MAJOR, MAJOR, MAJOR, MAJOR), "你们从我卡里扣了三千四，那个行程我早就按时取消了。")
                .value();
        assertThat(small.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(small.reasons()).noneMatch(r -> r.rule().equals(TriageDecisions.SEMANTIC_RULE));
        // Words judged negated.
        assertThat(triageWith(difficult, "我不打算找律师，只想换个新的").value().complaintClass())
                .isEqualTo(ComplaintClass.ORDINARY);
    }

    @Test
    void angryCustomerGetsTheFirstResponseSooner() {
        ComplaintTriage triage = triage(received("快递还没到", EmotionLevel.ANGRY)).value();

        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(triage.firstResponseDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(2)));
        assertThat(triage.resolutionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(72)));
    }

    @Test
    void earlierComplaintsOnTheSameMatterMakeItEscalatedWithAnOwnerAboveTheEarlierOne() {
        earlierOwners.put("c-0", "zhao.qiang"); // LOGISTICS SENIOR
        ComplaintReceived again = new ComplaintReceived(
                "c-1",
                RECEIVED,
                Channel.WEB_FORM,
                "cust-1",
                "138****0000",
                "快递还没到",
                "SKU-1",
                "ORD-1",
                null,
                EmotionLevel.CALM,
                List.of(),
                null,
                null,
                List.of("c-0"));

        ComplaintTriage triage = triage(again).value();

        assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(triage.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("repeat-contact");
            assertThat(r.evidence()).isEqualTo("1 earlier complaint on the same matter: c-0");
        });
        assertThat(triage.earlierComplaintIds()).containsExactly("c-0");
        // LOGISTICS has no EXPERT above its SENIOR: the level is skipped, and its supervisor takes it.
        assertThat(triage.owner()).isEqualTo("lei.gang");
        earlierOwners.clear();
        assertThat(triage(again).value().owner()).isEqualTo("zhao.qiang");
    }

    @Test
    void reopenRaisesOrdinaryToEscalatedWithFreshDueTimesPreviousClassAndAnOwnerAbove() {
        ComplaintTriage ordinary = triage(received("快递还没到", EmotionLevel.CALM)).value();
        Instant reopenedAt = RECEIVED.plus(Duration.ofDays(2));

        Change<ComplaintTriage> change = retriage(
                ordinary,
                TriageDecisions.reopened(new ComplaintReopened("c-1", reopenedAt, "not satisfied, score 1/5")));

        ComplaintTriage escalated = change.value();
        assertThat(escalated.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(escalated.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("reopened-after-follow-up", "not satisfied, score 1/5"));
        assertThat(escalated.reasons().get(0).zh()).contains("重新打开");
        assertThat(escalated.firstResponseDue()).isEqualTo(reopenedAt.plus(Duration.ofHours(1)));
        assertThat(escalated.resolutionDue()).isEqualTo(reopenedAt.plus(Duration.ofHours(24)));
        assertThat(escalated.primaryDepartment()).isEqualTo("LOGISTICS");
        assertThat(escalated.owner()).isEqualTo("zhao.qiang");
        assertThat(escalated.history()).hasSize(2);
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(ComplaintClassified.class, c -> {
            assertThat(c.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
            assertThat(c.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(c.trigger()).isEqualTo("firebreak.complaint.reopened");
        });
        assertThat(change.events().get(1)).isInstanceOfSatisfying(ResponsibilityAssigned.class, a -> {
            assertThat(a.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
            assertThat(a.firstResponseDue()).isEqualTo(escalated.firstResponseDue());
            assertThat(a.owner()).isEqualTo("zhao.qiang");
        });
    }

    @Test
    void rejectedProposalEscalatesToAnOwnerAboveWithTheReasonButKeepsTheDueTimes() {
        ComplaintTriage ordinary = triage(received("快递还没到", EmotionLevel.CALM)).value();
        Instant rejectedAt = RECEIVED.plus(Duration.ofHours(2));

        Change<ComplaintTriage> change =
                retriage(ordinary, TriageDecisions.proposalRejected(new ProposalRejected("c-1", rejectedAt, "赔偿太少")));

        ComplaintTriage escalated = change.value();
        assertThat(escalated.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(escalated.reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(tuple("proposal-rejected", "赔偿太少"));
        assertThat(escalated.reasons().get(0).en()).contains("rejected by the customer");
        assertThat(escalated.reasons().get(0).zh()).contains("拒绝");
        assertThat(escalated.owner()).isEqualTo("zhao.qiang");
        // The first response was given long ago: it does not move; the class rose, so resolution counts afresh.
        assertThat(escalated.firstResponseDue()).isEqualTo(ordinary.firstResponseDue());
        assertThat(escalated.resolutionDue()).isEqualTo(rejectedAt.plus(Duration.ofHours(24)));
        assertThat(change.events().get(0)).isInstanceOfSatisfying(ComplaintClassified.class, c -> {
            assertThat(c.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
            assertThat(c.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(c.trigger()).isEqualTo("firebreak.proposal.rejected");
        });

        Change<ComplaintTriage> again = retriage(
                escalated,
                TriageDecisions.proposalRejected(
                        new ProposalRejected("c-1", rejectedAt.plus(Duration.ofHours(3)), null)));
        assertThat(again.value().reasons())
                .extracting(Reason::evidence)
                .containsExactly("赔偿太少", "proposal rejected by the customer");
        assertThat(again.value().resolutionDue())
                .as("a second rejection gives no more time")
                .isEqualTo(escalated.resolutionDue());
    }

    @Test
    void majorComplaintStaysMajorOnSlaBreachButTheReasonIsRecorded() {
        ComplaintTriage major =
                triage(received("我要去12315投诉快递", EmotionLevel.CALM)).value();
        Instant due = RECEIVED.plus(Duration.ofMinutes(30));
        Instant breachedAt = due.plusSeconds(1);

        Change<ComplaintTriage> change = retriage(
                major, TriageDecisions.breached(new SlaBreached("c-1", breachedAt, SlaClock.FIRST_RESPONSE, due)));

        assertThat(change.value().complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(change.value().reasons())
                .extracting(Reason::rule, Reason::evidence)
                .containsExactly(
                        tuple("regulator-or-consumer-body", "12315"),
                        tuple("sla-breached", "FIRST_RESPONSE was due " + due));
        assertThat(change.value().history().get(1).previousClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(change.value().firstResponseDue()).isEqualTo(breachedAt.plus(Duration.ofMinutes(30)));
        assertThat(((ComplaintClassified) change.events().get(0)).trigger()).isEqualTo("firebreak.sla.breached");
    }

    @Test
    void breachesClimbTheSeniorityLadderOnceAStepAndThenStopRestartingTheClock() {
        ComplaintTriage triage =
                triage(received("我要去12315投诉快递", EmotionLevel.CALM)).value();
        List<String> owners = new ArrayList<>(List.of(triage.owner()));
        Instant at = RECEIVED;
        int escalations = 0;
        for (int i = 0; i < 6; i++) {
            at = triage.firstResponseDue().plusSeconds(1);
            Change<ComplaintTriage> change = retriage(
                    triage,
                    TriageDecisions.breached(
                            new SlaBreached("c-1", at, SlaClock.FIRST_RESPONSE, triage.firstResponseDue())));
            if (change == null) break;
            escalations++;
            triage = change.value();
            owners.add(triage.owner());
            assertThat(triage.firstResponseDue())
                    .as("a step up restarts the clock")
                    .isAfter(at);
        }
        assertThat(escalations).as("one step per level above, then no more").isEqualTo(2);
        assertThat(owners)
                .as("the senior, then (no expert in LOGISTICS: skipped) its supervisor, then its head")
                .containsExactly("zhao.qiang", "lei.gang", "wu.ping");
        Instant later = triage.firstResponseDue().plus(Duration.ofHours(1));
        assertThat(retriage(
                        triage,
                        TriageDecisions.breached(
                                new SlaBreached("c-1", later, SlaClock.RESOLUTION, triage.resolutionDue()))))
                .as("the ladder's end: the breach stands, no new clock")
                .isNull();
    }

    @Test
    void classNeverFallsAndReasonsAccumulateOverSeveralRetriages() {
        ComplaintTriage triage =
                triage(received("叫你们经理来，快递丢了", EmotionLevel.CALM)).value();
        for (int i = 1; i <= 3; i++) {
            triage = retriage(
                            triage,
                            TriageDecisions.reopened(
                                    new ComplaintReopened("c-1", RECEIVED.plus(Duration.ofDays(i)), "reopen " + i)))
                    .value();
            assertThat(triage.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        }
        assertThat(retriage(triage, message(RECEIVED.plus(Duration.ofDays(4)), "谢谢，其实也没那么急")))
                .isNull();

        assertThat(triage.reasons())
                .extracting(Reason::rule)
                .containsExactly(
                        "asks-for-superior",
                        "reopened-after-follow-up",
                        "reopened-after-follow-up",
                        "reopened-after-follow-up");
        assertThat(triage.history())
                .extracting(ClassificationStep::complaintClass)
                .containsOnly(ComplaintClass.ESCALATED);
    }

    @Test
    void laterMessageWithALawyerThreatRaisesOrdinaryToMajorAndPublishesTheReclassification() {
        ComplaintTriage ordinary = triage(received("快递还没到", EmotionLevel.CALM)).value();
        Instant at = RECEIVED.plus(Duration.ofHours(1));

        Change<ComplaintTriage> change = retriage(ordinary, message(at, "再不送到我就找律师起诉你们"));

        ComplaintTriage major = change.value();
        assertThat(major.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(major.reasons()).extracting(Reason::rule).containsExactly("legal-action");
        assertThat(major.firstResponseDue()).isEqualTo(at.plus(Duration.ofMinutes(30)));
        assertThat(major.resolutionDue()).isEqualTo(at.plus(Duration.ofHours(24)));
        assertThat(major.owner()).isEqualTo("zhao.qiang");
        assertThat(major.history().get(1)).satisfies(step -> {
            assertThat(step.trigger()).isEqualTo("firebreak.message.added");
            assertThat(step.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(step.reasons()).extracting(Reason::rule).containsExactly("legal-action");
            assertThat(step.ruleSetVersion()).isEqualTo(Shipped.RULES_VERSION);
        });
        assertThat(change.events()).hasSize(2);
        assertThat(change.events().get(0)).isInstanceOfSatisfying(ComplaintClassified.class, c -> {
            assertThat(c.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
            assertThat(c.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(c.trigger()).isEqualTo("firebreak.message.added");
        });
        assertThat(change.events().get(1))
                .isInstanceOfSatisfying(
                        ResponsibilityAssigned.class, a -> assertThat(a.owner()).isEqualTo("zhao.qiang"));
    }

    @Test
    void laterMessageNeverPushesADueTimeBack() {
        ComplaintTriage major =
                triage(received("快递丢了，我要找律师", EmotionLevel.CALM)).value();

        ComplaintTriage more = retriage(major, message(RECEIVED.plus(Duration.ofHours(5)), "还要找媒体曝光"))
                .value();

        assertThat(more.reasons()).extracting(Reason::rule).containsExactly("legal-action", "media-exposure");
        assertThat(more.firstResponseDue()).isEqualTo(major.firstResponseDue());
        assertThat(more.resolutionDue()).isEqualTo(major.resolutionDue());
        assertThat(more.owner()).isEqualTo(major.owner());
    }

    @Test
    void laterMessageThatFiresNothingNewChangesNothing() {
        ComplaintTriage major =
                triage(received("快递丢了，我要找律师", EmotionLevel.CALM)).value();

        assertThat(retriage(major, message(RECEIVED.plus(Duration.ofHours(1)), "律师已经在看了")))
                .isNull();
        assertThat(retriage(major, message(RECEIVED.plus(Duration.ofHours(1)), "谢谢")))
                .isNull();
    }

    @Test
    void negatedThreatInALaterMessageDoesNotRaiseTheClass() {
        ComplaintTriage ordinary = triage(received("快递还没到", EmotionLevel.CALM)).value();

        assertThat(retriage(ordinary, message(RECEIVED.plus(Duration.ofHours(1)), "我不打算找律师，快点送就行")))
                .isNull();
    }

    @Test
    void emotionRiseBringsTheFirstResponseAndTheResolutionForwardAndIsPublished() {
        ComplaintTriage calm = triage(received("快递还没到", EmotionLevel.CALM)).value();
        Instant at = RECEIVED.plus(Duration.ofMinutes(10));

        Change<ComplaintTriage> change = retriage(
                calm,
                TriageDecisions.emotionRose(new EmotionRose(
                        "c-1",
                        at,
                        EmotionLevel.CALM,
                        EmotionLevel.FURIOUS,
                        List.of("!!!", "气死"),
                        CustomerStage.COMPLAINT)));

        ComplaintTriage furious = change.value();
        assertThat(furious.emotion()).isEqualTo(EmotionLevel.FURIOUS);
        assertThat(furious.stage()).isEqualTo(CustomerStage.COMPLAINT);
        assertThat(furious.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(furious.firstResponseDue()).isEqualTo(at.plus(Duration.ofHours(1)));
        // The time left to resolve shrinks too: a quarter of it for a furious customer.
        assertThat(furious.resolutionDue())
                .isEqualTo(at.plus(Duration.between(at, calm.resolutionDue()).dividedBy(4)));
        assertThat(furious.reasons())
                .extracting(Reason::rule)
                .containsExactly(Classifier.NO_RULE_FIRED, "emotion-rose");
        assertThat(furious.reasons().get(1).evidence()).isEqualTo("CALM → FURIOUS (!!!, 气死)");
        assertThat(change.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ComplaintClassified", "ResponsibilityAssigned");
        assertThat(((ComplaintClassified) change.events().get(0)).trigger()).isEqualTo("firebreak.emotion.rose");
        assertThat(((ResponsibilityAssigned) change.events().get(1)).firstResponseDue())
                .isEqualTo(at.plus(Duration.ofHours(1)));
    }

    @Test
    void emotionRiseThatShortensNothingIsRecordedWithoutEvents() {
        ComplaintTriage calm = triage(received("快递还没到", EmotionLevel.CALM)).value();

        Change<ComplaintTriage> change = retriage(
                calm,
                TriageDecisions.emotionRose(new EmotionRose(
                        "c-1",
                        RECEIVED.plus(Duration.ofMinutes(10)),
                        EmotionLevel.CALM,
                        EmotionLevel.UPSET,
                        List.of(),
                        null)));

        assertThat(change.events()).isEmpty();
        assertThat(change.value().emotion()).isEqualTo(EmotionLevel.UPSET);
        assertThat(change.value().firstResponseDue()).isEqualTo(calm.firstResponseDue());
    }

    @Test
    void emotionRiseToTheEscalatedStageEscalates() {
        ComplaintTriage calm = triage(received("快递还没到", EmotionLevel.CALM)).value();

        ComplaintTriage escalated = retriage(
                        calm,
                        TriageDecisions.emotionRose(new EmotionRose(
                                "c-1",
                                RECEIVED.plus(Duration.ofMinutes(10)),
                                EmotionLevel.UPSET,
                                EmotionLevel.ANGRY,
                                List.of("经理"),
                                CustomerStage.ESCALATED_COMPLAINT)))
                .value();

        assertThat(escalated.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(escalated.reasons())
                .extracting(Reason::rule)
                .containsExactly("customer-stage-escalated", "emotion-rose");
        assertThat(escalated.owner()).isEqualTo("zhao.qiang");
    }

    @Test
    void aCalmMessageFromACustomerComingBackAboutTheSameMatterEscalatesByTheirStage() {
        ComplaintTriage calm = triage(received("快递还没到", EmotionLevel.CALM)).value();

        // A duplicate merged hours later: calm words, no rise in emotion, but the customer had to come back.
        Change<ComplaintTriage> change = retriage(
                calm,
                TriageDecisions.message(new MessageAdded(
                        "c-1",
                        RECEIVED.plus(Duration.ofHours(5)),
                        Channel.EMAIL,
                        "请问快递到哪了",
                        true,
                        EmotionLevel.UPSET,
                        List.of("earlier-contacts:1"),
                        CustomerStage.ESCALATED_COMPLAINT)));

        assertThat(change.value().complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(change.value().reasons()).extracting(Reason::rule).contains("customer-stage-escalated");
        assertThat(((ComplaintClassified) change.events().get(0)).trigger()).isEqualTo("firebreak.message.added");
    }

    @Test
    void resolvingTakesTheComplaintOutOfItsOwnersLoadAndReopeningPutsItBack() {
        ComplaintTriage triage = triage(received("快递还没到", EmotionLevel.CALM)).value();
        Instant resolvedAt = RECEIVED.plus(Duration.ofHours(3));

        ComplaintTriage resolved = decisions.settled(triage, resolvedAt).value();
        assertThat(resolved.open()).isFalse();
        assertThat(decisions.settled(resolved, resolvedAt)).isNull();

        ComplaintTriage reopened = retriage(
                        resolved,
                        TriageDecisions.reopened(
                                new ComplaintReopened("c-1", resolvedAt.plus(Duration.ofDays(1)), "still late")))
                .value();
        assertThat(reopened.open()).isTrue();
        assertThat(decisions
                        .settled(reopened, reopened.assignedAt().plusSeconds(60))
                        .value()
                        .open())
                .isFalse();
    }

    @Test
    void aSettlementFromBeforeTheReopeningArrivingLateLeavesItOpen() {
        ComplaintTriage triage = triage(received("快递还没到", EmotionLevel.CALM)).value();
        ComplaintTriage reopened = retriage(
                        triage,
                        TriageDecisions.reopened(
                                new ComplaintReopened("c-1", RECEIVED.plus(Duration.ofDays(2)), "unhappy")))
                .value();

        ComplaintTriage late =
                decisions.settled(reopened, RECEIVED.plus(Duration.ofDays(1))).value();

        assertThat(late.open()).isTrue();
    }

    @Test
    void retriagesThatArrivedEarlyAreAppliedAfterTheFirstClassificationInTheOrderTheyHappened() {
        Instant first = RECEIVED.plus(Duration.ofHours(5));
        Retriage breach = TriageDecisions.breached(new SlaBreached("c-1", first, SlaClock.FIRST_RESPONSE, first));
        Retriage reopen = TriageDecisions.reopened(new ComplaintReopened("c-1", first.plusSeconds(60), "again"));

        Change<ComplaintTriage> change = decisions.triage(
                received("快递还没到", EmotionLevel.CALM), List.of(reopen, breach), Shipped.settings(), workload);

        assertThat(change.value().complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(change.value().waiting()).isEmpty();
        assertThat(change.value().history())
                .extracting(ClassificationStep::trigger)
                .containsExactly(
                        "firebreak.complaint.received", "firebreak.sla.breached", "firebreak.complaint.reopened");
        assertThat(change.events())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "ComplaintClassified",
                        "ResponsibilityAssigned",
                        "ComplaintClassified",
                        "ResponsibilityAssigned",
                        "ComplaintClassified",
                        "ResponsibilityAssigned");
        assertThat(change.value().resolutionDue())
                .isEqualTo(first.plusSeconds(60).plus(Duration.ofHours(24)));
    }

    @Test
    void aCustomerWhoNeedsCareGetsASeniorHandlerOrTheirOnePointOfContact() {
        String text = "快递三天都没到";
        assertThat(triage(received(text, (CustomerHandling) null)).value().owner())
                .isIn("wang.lei", "david.liu");

        CustomerHandling senior = new CustomerHandling("Abusive on the phone twice", true, false, null, null);
        ComplaintTriage withSenior = triage(received(text, senior)).value();
        assertThat(withSenior.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(withSenior.owner()).isEqualTo("zhao.qiang"); // LOGISTICS's senior, not its supervisor

        CustomerHandling one = new CustomerHandling("Many contacts a day", false, true, 1, "emma.wu");
        assertThat(triage(received(text, one)).value().owner())
                .as("the person who had their last complaint")
                .isEqualTo("emma.wu");
        open.put("emma.wu", 20); // at capacity: the usual choice
        assertThat(triage(received(text, one)).value().owner()).isIn("wang.lei", "david.liu");
        CustomerHandling gone = new CustomerHandling("Many contacts a day", false, true, 1, "nobody.here");
        assertThat(triage(received(text, gone)).value().owner()).isIn("wang.lei", "david.liu");
    }

    @Test
    void aDoubtfulClassCarriesItsDoubtsAndWaitsForReview() {
        ComplaintTriage unrouted =
                triage(received("嗯，你们看着办吧", EmotionLevel.CALM)).value();
        assertThat(unrouted.review().pending()).isTrue();
        assertThat(unrouted.review().confidence()).isEqualTo("LOW");
        assertThat(unrouted.review().doubts()).singleElement().asString().contains("No department's words found");

        ComplaintTriage discounted =
                triage(received("快递员说没有人受伤，但包裹破了", EmotionLevel.CALM)).value();
        assertThat(discounted.review().doubts())
                .anySatisfy(d -> assertThat(d).contains("safety-or-health-harm").contains("受伤"));

        ComplaintTriage sure = triage(received("快递三天都没到", EmotionLevel.CALM)).value();
        assertThat(sure.review().pending()).isFalse();
        assertThat(sure.review().confidence()).isEqualTo("HIGH");
        assertThat(sure.text()).isEqualTo("快递三天都没到");
    }

    @Test
    void aPersonRaisesOrLowersTheClassWithAReasonAndTheClocksAndOwnerFollow() {
        ComplaintTriage ordinary =
                triage(received("快递三天都没到", EmotionLevel.CALM)).value();

        Change<ComplaintTriage> raised = decisions.reclassify(
                ordinary,
                ComplaintClass.MAJOR,
                "agent-7",
                "The parcel held medicine the customer needs today",
                Shipped.settings(),
                workload);
        ComplaintTriage major = raised.value();
        assertThat(major.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(major.owner()).isEqualTo("zhao.qiang");
        assertThat(major.reasons()).extracting(Reason::rule).containsExactly(TriageDecisions.RECLASSIFIED_RULE);
        assertThat(major.reasons().get(0).evidence())
                .isEqualTo("agent-7: The parcel held medicine the customer " + "needs today");
        assertThat(major.firstResponseDue()).isBefore(ordinary.firstResponseDue());
        assertThat(major.history()).last().satisfies(h -> {
            assertThat(h.trigger()).isEqualTo(TriageDecisions.RECLASSIFIED);
            assertThat(h.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
        });
        assertThat(raised.events()).hasSize(2).first().isInstanceOfSatisfying(ComplaintClassified.class, e -> {
            assertThat(e.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
            assertThat(e.previousClass()).isEqualTo(ComplaintClass.ORDINARY);
            assertThat(e.trigger()).isEqualTo(TriageDecisions.RECLASSIFIED);
        });

        ComplaintTriage lowered = decisions
                .reclassify(
                        major,
                        ComplaintClass.ORDINARY,
                        "supervisor-2",
                        "Medicine was not in it after all",
                        Shipped.settings(),
                        workload)
                .value();
        assertThat(lowered.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(lowered.resolutionDue()).isEqualTo(RECEIVED.plus(Duration.ofHours(72)));
        assertThat(lowered.review().outcome()).isEqualTo(ComplaintTriage.Review.RECLASSIFIED);
        assertThat(lowered.reasons())
                .extracting(Reason::rule)
                .containsExactly(TriageDecisions.RECLASSIFIED_RULE, TriageDecisions.RECLASSIFIED_RULE);
        assertThatThrownBy(() ->
                        decisions.reclassify(lowered, ComplaintClass.ORDINARY, "x", "y", Shipped.settings(), workload))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Change<ComplaintTriage> triage(ComplaintReceived received) {
        return decisions.triage(received, List.of(), Shipped.settings(), workload);
    }

    private Change<ComplaintTriage> retriage(ComplaintTriage current, Retriage retriage) {
        return decisions.retriage(current, retriage, Shipped.settings(), workload);
    }

    private static Retriage message(Instant at, String text) {
        return TriageDecisions.message(
                new MessageAdded("c-1", at, Channel.CHAT, text, false, EmotionLevel.UPSET, List.of()));
    }

    private static ComplaintReceived received(String description, CustomerHandling handling) {
        return new ComplaintReceived(
                "c-1",
                RECEIVED,
                Channel.WEB_FORM,
                "cust-1",
                "138****0000",
                description,
                "SKU-1",
                "ORD-1",
                null,
                EmotionLevel.CALM,
                List.of(),
                null,
                null,
                List.of(),
                null,
                null,
                handling);
    }

    private static ComplaintReceived received(String description, EmotionLevel emotion) {
        return new ComplaintReceived(
                "c-1",
                RECEIVED,
                Channel.WEB_FORM,
                "cust-1",
                "138****0000",
                description,
                "SKU-1",
                "ORD-1",
                null,
                emotion,
                List.of(),
                null,
                null,
                List.of());
    }
}
