package io.firebreak.intake.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.CaseChange;
import io.firebreak.events.CaseState;
import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerNotice;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FeedbackEvents.FollowUpRecorded;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.IntakeEvents.CustomerNotified;
import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.CaseAcknowledged;
import io.firebreak.events.ResolutionEvents.CaseOpened;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.ResolutionEvents.CaseUpdated;
import io.firebreak.events.ResolutionEvents.PromiseBroken;
import io.firebreak.events.ResolutionEvents.ProposalMade;
import io.firebreak.events.ResolutionEvents.ProposalRejected;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.Complaint;
import io.firebreak.intake.complaint.ComplaintStatus;
import io.firebreak.intake.complaint.CustomerNotices;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.kafka.ReceivedEvent;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.test.ShippedProperties;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileProjectionTest {

    static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    static Complaint received(ComplaintStatus status) {
        return new Complaint(
                "CUS-1",
                "138****8000",
                Channel.PHONE,
                "parcel lost",
                null,
                "ORD-1",
                null,
                null,
                EmotionLevel.CALM,
                List.of(),
                CustomerStage.LATENT_DISSATISFACTION,
                List.of(),
                List.of(),
                T0,
                status,
                null,
                null,
                null,
                null,
                List.of(new Complaint.TimelineEntry("r", T0, "firebreak.complaint.received", "intake", "Received")),
                T0);
    }

    static ReceivedEvent event(FirebreakEvent payload) {
        return new ReceivedEvent(
                "e-" + payload.hashCode(),
                EventType.of(payload),
                "/firebreak/x",
                payload.subject(),
                payload.occurredAt(),
                payload);
    }

    private static final CustomerNotices NOTICES = new CustomerNotices(java.time.ZoneId.of("Asia/Shanghai"));

    static Complaint receivedInChinese() {
        Complaint c = received(ComplaintStatus.ASSIGNED);
        return new Complaint(
                c.customerId(),
                c.maskedContact(),
                Channel.WEB_FORM,
                "包裹丢了，三天没人回复",
                null,
                c.orderRef(),
                null,
                null,
                c.emotion(),
                c.emotionSignals(),
                c.stage(),
                List.of(),
                List.of(),
                T0,
                c.status(),
                null,
                null,
                null,
                null,
                c.timeline(),
                T0);
    }

    @Test
    void theCustomersFollowUpCommentIsAPointOnTheirEmotionTrajectory() {
        EmotionReader reader =
                new EmotionReader(ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class));
        Complaint c = received(ComplaintStatus.RESOLVED);
        ReceivedEvent angry = event(new FollowUpRecorded(
                "C1", T0.plusSeconds(20), false, 1, "Ridiculous, this is unacceptable!!!", "agent-2"));

        Complaint heard = CaseFileProjection.heard(CaseFileProjection.change(c, angry, NOTICES), angry, reader)
                .value();

        assertThat(heard.trajectory()).last().satisfies(p -> {
            assertThat(p.source()).isEqualTo("follow-up");
            assertThat(p.level()).isGreaterThanOrEqualTo(EmotionLevel.ANGRY);
            assertThat(p.at()).isEqualTo(T0.plusSeconds(20));
        });
        ReceivedEvent silent = event(new FollowUpRecorded("C1", T0.plusSeconds(30), true, 5, null, "a"));
        assertThat(CaseFileProjection.heard(CaseFileProjection.change(c, silent, NOTICES), silent, reader)
                        .value()
                        .trajectory())
                .isEqualTo(c.trajectory());
    }

    @Test
    void theCustomerIsToldAtKeyMomentsInTheirLanguageByTheChannelTheyCameBy() {
        Instant callbackBy = Instant.parse("2026-11-23T10:00:00Z");
        Change<Complaint> ack = CaseFileProjection.change(
                receivedInChinese(),
                event(new CaseAcknowledged("C1", T0.plusSeconds(10), "agent-1", null, callbackBy)),
                NOTICES);

        assertThat(ack.events()).singleElement().isInstanceOfSatisfying(CustomerNotified.class, n -> {
            assertThat(n.notice()).isEqualTo(CustomerNotice.ACKNOWLEDGEMENT);
            assertThat(n.channel()).isEqualTo(Channel.WEB_FORM);
            assertThat(n.language()).isEqualTo("zh");
            assertThat(n.text()).isEqualTo("我们已开始处理您的投诉（编号 C1）。我们会在 2026-11-23 18:00 UTC+08:00 前给您回电。");
            assertThat(n.maskedContact()).isEqualTo("138****8000");
        });
        assertThat(ack.value().timeline())
                .last()
                .satisfies(t -> assertThat(t.summary())
                        .startsWith("Told the customer (ACKNOWLEDGEMENT, WEB_FORM, zh): 我们已开始处理"));

        Change<Complaint> late = CaseFileProjection.change(
                ack.value(),
                event(new PromiseBroken(
                        "C1", callbackBy, "P1", "Call the customer back", callbackBy, "agent-1", "BILLING")),
                NOTICES);
        assertThat(late.events()).singleElement().isInstanceOfSatisfying(CustomerNotified.class, n -> {
            assertThat(n.notice()).isEqualTo(CustomerNotice.DELAY);
            assertThat(n.text()).contains("2026-11-23 18:00 UTC+08:00").contains("晚了");
        });
        assertThat(late.value().timeline())
                .anySatisfy(t -> assertThat(t.summary())
                        .isEqualTo("Promise P1 broken: Call the customer back was due 2026-11-23T10:00:00Z"));

        Change<Complaint> internal = CaseFileProjection.change(
                late.value(),
                event(new CaseUpdated(
                        "C1",
                        T0.plusSeconds(30),
                        CaseChange.INTERNAL_NOTE,
                        "agent-1",
                        "customer sounds upset",
                        CaseState.ACKNOWLEDGED,
                        "agent-1",
                        "BILLING",
                        null,
                        null)),
                NOTICES);
        assertThat(internal.events()).as("an internal note is never told").isEmpty();

        Change<Complaint> resolved = CaseFileProjection.change(
                internal.value(),
                event(new CaseResolved("C1", T0.plusSeconds(90), "agent-1", "已退款 99 元", "BILLING", "BILLING", null)),
                NOTICES);
        assertThat(resolved.events()).singleElement().isInstanceOfSatisfying(CustomerNotified.class, n -> {
            assertThat(n.notice()).isEqualTo(CustomerNotice.RESOLUTION);
            assertThat(n.text()).startsWith("您的投诉已处理完毕：已退款 99 元");
        });
    }

    @Test
    void aProposalIsToldStepByStepAndNothingIsToldOnceThePersonalDataIsErased() {
        Instant by = Instant.parse("2026-11-24T01:00:00Z");
        ProposalMade proposal = new ProposalMade(
                "C1",
                T0.plusSeconds(10),
                "agent-1",
                List.of(new ProposalStep(1, "Refund the delivery fee", "BILLING", by)),
                List.of(new Remedy(RemedyType.REFUND, new java.math.BigDecimal("12.50"), "CNY")),
                null);

        Change<Complaint> told =
                CaseFileProjection.change(received(ComplaintStatus.ASSIGNED), event(proposal), NOTICES);
        assertThat(told.events()).singleElement().isInstanceOfSatisfying(CustomerNotified.class, n -> {
            assertThat(n.language()).isEqualTo("en");
            assertThat(n.text())
                    .isEqualTo("Here is what we propose for your complaint: 1. Refund the delivery fee "
                            + "(BILLING, by 2026-11-24 09:00 UTC+08:00); remedies: refund 12.50 CNY. Please tell us whether"
                            + " you accept it.");
        });

        Complaint c = received(ComplaintStatus.ASSIGNED);
        Complaint erased = new Complaint(
                c.customerId(),
                null,
                c.channel(),
                Complaint.ERASED,
                null,
                null,
                null,
                null,
                c.emotion(),
                List.of(),
                c.stage(),
                List.of(),
                List.of(),
                T0,
                c.status(),
                null,
                null,
                null,
                null,
                c.timeline(),
                T0);
        assertThat(CaseFileProjection.change(erased, event(proposal), NOTICES).events())
                .isEmpty();
    }

    @Test
    void aReclassificationShowsTheOldClassTheTriggerAndEveryReason() {
        var e = event(new ComplaintClassified(
                "C1",
                T0.plusSeconds(5),
                ComplaintClass.ESCALATED,
                ComplaintClass.ORDINARY,
                List.of(new Reason("reopened", "follow-up score 1"), new Reason("manager", "经理")),
                "rules-2",
                "reopened"));
        Complaint next = CaseFileProjection.next(received(ComplaintStatus.RESOLVED), e);
        assertThat(next.classification().complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(next.classification().reasons()).hasSize(2);
        assertThat(next.timeline())
                .last()
                .satisfies(
                        t -> assertThat(t.summary())
                                .isEqualTo(
                                        "Re-classified ESCALATED (was ORDINARY, reopened): reopened [follow-up score 1]; manager [经理]"));
    }

    @Test
    void theCaseFileShowsTheCaseAsResolutionTellsIt_stateOwnerAndDueTimes_whateverTriageSaidBefore() {
        Instant firstDue = T0.plusSeconds(3600);
        Instant resolutionDue = T0.plusSeconds(86400);
        Complaint c = received(ComplaintStatus.RECEIVED);
        // The case's opening may come before triage's assignment that caused it (two topics).
        c = CaseFileProjection.next(
                c, event(new CaseOpened("C1", T0.plusSeconds(2), "BILLING", "agent-1", firstDue, resolutionDue)));
        c = CaseFileProjection.next(
                c,
                event(new ResponsibilityAssigned(
                        "C1",
                        T0.plusSeconds(1),
                        "BILLING",
                        List.of("LOGISTICS"),
                        ComplaintClass.ORDINARY,
                        T0.plusSeconds(60),
                        T0.plusSeconds(120),
                        "agent-1")));
        assertThat(c.caseState()).isEqualTo(CaseState.ASSIGNED);
        assertThat(c.owner()).isEqualTo(new Complaint.Owner("BILLING", List.of("LOGISTICS"), "agent-1"));
        assertThat(c.sla())
                .as("the case's due times, not the assignment's")
                .isEqualTo(new Complaint.Sla(firstDue, resolutionDue));

        c = CaseFileProjection.next(c, event(new CaseAcknowledged("C1", T0.plusSeconds(10), "agent-1", "Hello")));
        c = CaseFileProjection.next(
                c,
                event(new CaseUpdated(
                        "C1",
                        T0.plusSeconds(20),
                        CaseChange.WAITING_FOR_CUSTOMER,
                        "agent-1",
                        "photos asked",
                        CaseState.PENDING_CUSTOMER,
                        "agent-1",
                        "BILLING",
                        firstDue,
                        resolutionDue)));
        assertThat(c.caseState()).isEqualTo(CaseState.PENDING_CUSTOMER);
        assertThat(c.status()).as("the status keeps its coarse steps").isEqualTo(ComplaintStatus.ACKNOWLEDGED);
        c = CaseFileProjection.next(
                c,
                event(new CaseUpdated(
                        "C1",
                        T0.plusSeconds(7200),
                        CaseChange.RESUMED,
                        "agent-1",
                        null,
                        CaseState.INVESTIGATING,
                        "agent-1",
                        "BILLING",
                        firstDue,
                        resolutionDue.plusSeconds(7180))));
        c = CaseFileProjection.next(
                c,
                event(new CaseUpdated(
                        "C1",
                        T0.plusSeconds(7300),
                        CaseChange.HANDED_OVER,
                        "lead-1",
                        "carrier's fault",
                        CaseState.INVESTIGATING,
                        "agent-9",
                        "LOGISTICS",
                        firstDue,
                        resolutionDue.plusSeconds(7180))));
        // A later assignment by triage: the case tells what it moved.
        c = CaseFileProjection.next(
                c,
                event(new ResponsibilityAssigned(
                        "C1",
                        T0.plusSeconds(7400),
                        "LOGISTICS",
                        List.of(),
                        ComplaintClass.MAJOR,
                        T0.plusSeconds(7500),
                        T0.plusSeconds(9000),
                        "agent-5")));

        assertThat(c.caseState()).isEqualTo(CaseState.INVESTIGATING);
        assertThat(c.owner()).isEqualTo(new Complaint.Owner("LOGISTICS", List.of(), "agent-9"));
        assertThat(c.sla().resolutionDue()).isEqualTo(resolutionDue.plusSeconds(7180));
        assertThat(c.timeline())
                .extracting(Complaint.TimelineEntry::summary)
                .contains(
                        "Waiting for the customer by agent-1: photos asked (the resolution clock pauses)",
                        "Resumed by agent-1 as INVESTIGATING; resolution now due " + resolutionDue.plusSeconds(7180),
                        "Handed over by lead-1 to agent-9 in LOGISTICS: carrier's fault");
    }

    @Test
    void aReTriageThatKeepsTheClassSaysSoRatherThanClaimingAChange() {
        var e = event(new ComplaintClassified(
                "C1",
                T0.plusSeconds(5),
                ComplaintClass.MAJOR,
                ComplaintClass.MAJOR,
                List.of(new Reason("legal-action", "律师")),
                "rules-2",
                "firebreak.emotion.rose"));
        Complaint next = CaseFileProjection.next(received(ComplaintStatus.ASSIGNED), e);
        assertThat(next.timeline())
                .last()
                .satisfies(t -> assertThat(t.summary())
                        .isEqualTo("Re-triaged, still MAJOR (firebreak.emotion.rose): legal-action [律师]"));
    }

    @Test
    void aProposalIsShownAsItsNumberedPathAndRemediesAndARejectionAsTheDangerMomentItIs() {
        Complaint c = received(ComplaintStatus.ACKNOWLEDGED);
        c = CaseFileProjection.next(
                c,
                event(new ProposalMade(
                        "C1",
                        T0.plusSeconds(10),
                        "agent-1",
                        List.of(
                                new ProposalStep(1, "Collect the heater", "courier", T0.plusSeconds(86400)),
                                new ProposalStep(2, "Send a new one", "warehouse", T0.plusSeconds(172800))),
                        List.of(
                                new Remedy(RemedyType.APOLOGY, null, null),
                                new Remedy(RemedyType.COMPENSATION, new java.math.BigDecimal("200"), "CNY")),
                        null)));
        c = CaseFileProjection.next(c, event(new ProposalRejected("C1", T0.plusSeconds(20), "I want a refund")));
        assertThat(c.timeline())
                .extracting(Complaint.TimelineEntry::summary)
                .contains(
                        "Proposal by agent-1: 1. Collect the heater (courier, by 2026-11-24T08:00:00Z) "
                                + "2. Send a new one (warehouse, by 2026-11-25T08:00:00Z); remedies APOLOGY, COMPENSATION 200 CNY",
                        "The customer rejected the proposal: I want a refund");
    }

    @Test
    void anAssignmentNamesTheDepartmentsTheOwnerAndTheDueTimes() {
        var e = event(new ResponsibilityAssigned(
                "C1",
                T0.plusSeconds(1),
                "LOGISTICS",
                List.of("BILLING"),
                ComplaintClass.ESCALATED,
                T0.plusSeconds(3600),
                T0.plusSeconds(86400),
                "senior-li"));
        Complaint next = CaseFileProjection.next(received(ComplaintStatus.RECEIVED), e);
        assertThat(next.status()).isEqualTo(ComplaintStatus.ASSIGNED);
        assertThat(next.owner().owner()).isEqualTo("senior-li");
        assertThat(next.owner().secondaryDepartments()).containsExactly("BILLING");
        assertThat(next.sla().firstResponseDue()).isEqualTo(T0.plusSeconds(3600));
        assertThat(next.timeline())
                .last()
                .satisfies(t -> assertThat(t.summary())
                        .startsWith("Assigned to LOGISTICS (owner senior-li) with BILLING; first response due"));
    }

    @Test
    void theResolutionThenAnUnhappyFollowUpReopenTheComplaint() {
        Complaint c = received(ComplaintStatus.ACKNOWLEDGED);
        c = CaseFileProjection.next(
                c,
                event(new CaseResolved(
                        "C1", T0.plusSeconds(10), "agent-1", "Re-sent", "DELIVERY_LOGISTICS", "LOGISTICS", null)));
        assertThat(c.status()).isEqualTo(ComplaintStatus.RESOLVED);
        c = CaseFileProjection.next(
                c, event(new FollowUpRecorded("C1", T0.plusSeconds(20), false, 1, "still nothing", "agent-2")));
        c = CaseFileProjection.next(c, event(new ComplaintReopened("C1", T0.plusSeconds(20), "score 1")));
        assertThat(c.status()).isEqualTo(ComplaintStatus.REOPENED);
        assertThat(c.outcome().rootCause()).isEqualTo("DELIVERY_LOGISTICS");
        assertThat(c.outcome().satisfactionScore()).isEqualTo(1);
        assertThat(c.timeline()).extracting(Complaint.TimelineEntry::source).containsOnly("intake", "x");
    }

    @Test
    void theTimelineStaysInTheOrderThingsHappenedWhateverTheOrderEventsArrive() {
        Complaint c = received(ComplaintStatus.RECEIVED);
        c = CaseFileProjection.next(c, event(new FollowUpRecorded("C1", T0.plusSeconds(30), true, 5, null, "a")));
        c = CaseFileProjection.next(
                c, event(new CaseResolved("C1", T0.plusSeconds(20), "a", "done", "OTHER", "CS", null)));
        assertThat(c.timeline())
                .extracting(Complaint.TimelineEntry::at)
                .containsExactly(T0, T0.plusSeconds(20), T0.plusSeconds(30));
    }
}
