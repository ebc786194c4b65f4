package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.events.Channel;
import io.firebreak.events.CustomerNotice;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.CustomerNotified;
import io.firebreak.events.IntakeEvents.EmotionRose;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.IntakeDecisions.Complainant;
import io.firebreak.intake.complaint.IntakeDecisions.Incoming;
import io.firebreak.intake.emotion.EmotionReader;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.Versioned;
import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.platform.web.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What intake decides, without a store: the case file of a submission, the same matter, merges and messages. */
class IntakeDecisionsTest {

    private static final IntakeProperties PROPERTIES =
            ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class);
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Caller AGENT = new Caller("agent-7", null);
    private static final Caller CLIENT = new Caller("zendesk", "zendesk");

    private final IntakeDecisions decide = new IntakeDecisions(new EmotionReader(PROPERTIES), PROPERTIES);

    @Test
    void aNewComplaintIsReadAndAnnouncedWithTheRepeatContactItFollows() {
        Change<Complaint> received = decide.received(
                "C-2",
                new Complainant("CUS-1", "138****0000"),
                incoming("The parcel arrived broken. This is unacceptable!", "ORD-1"),
                List.of("C-1"),
                AGENT,
                null,
                null,
                null,
                T0);

        Complaint c = received.value();
        assertThat(c.customerId()).isEqualTo("CUS-1");
        assertThat(c.status()).isEqualTo(ComplaintStatus.RECEIVED);
        assertThat(c.earlierComplaintIds()).containsExactly("C-1");
        assertThat(c.timeline())
                .first()
                .satisfies(line -> assertThat(line.summary())
                        .contains("Received by PHONE (taken by agent-7)")
                        .contains("repeat contact after C-1"));
        assertThat(received.events()).first().isInstanceOfSatisfying(ComplaintReceived.class, e -> {
            assertThat(e.complaintId()).isEqualTo("C-2");
            assertThat(e.earlierComplaintIds()).containsExactly("C-1");
            assertThat(e.emotion()).isEqualTo(c.emotion());
            assertThat(e.submittedBy()).isNull();
        });
        assertThat(received.events())
                .as("the customer's receipt, in the language they wrote in")
                .last()
                .isInstanceOfSatisfying(CustomerNotified.class, e -> {
                    assertThat(e.notice()).isEqualTo(CustomerNotice.RECEIPT);
                    assertThat(e.channel()).isEqualTo(Channel.PHONE);
                    assertThat(e.language()).isEqualTo("en");
                    assertThat(e.text()).contains("reference C-2");
                    assertThat(e.maskedContact()).isEqualTo("138****0000");
                });
        assertThat(c.timeline())
                .last()
                .satisfies(line -> assertThat(line.summary())
                        .startsWith("Told the customer (RECEIPT, PHONE, en): We have received your complaint"));
    }

    @Test
    void aComplaintWrittenInChineseIsAnsweredInChinese() {
        Change<Complaint> received = decide.received(
                "C-4",
                new Complainant("CUS-1", null),
                incoming("包裹破损，太过分了", null),
                List.of(),
                AGENT,
                null,
                null,
                null,
                T0);

        assertThat(received.events()).last().isInstanceOfSatisfying(CustomerNotified.class, e -> {
            assertThat(e.language()).isEqualTo("zh");
            assertThat(e.text()).isEqualTo("您的投诉已收到，编号 C-4。我们会尽快与您联系，处理的每一步都会告知您。");
        });
    }

    @Test
    void aClientsSubmissionNamesTheClientAndItsTicketButNoStaff() {
        Change<Complaint> received = decide.received(
                "C-3",
                new Complainant("zendesk:CRM-1", null),
                incoming("Late delivery", null),
                List.of(),
                CLIENT,
                new Complaint.ExternalRef("zendesk", "4711"),
                Complaint.externalKey("zendesk", "zendesk", "4711"),
                null,
                T0);

        assertThat(received.value().submittedBy()).isEqualTo("zendesk");
        assertThat(received.value().timeline().get(0).summary())
                .doesNotContain("taken by")
                .contains("ticket zendesk 4711");
        assertThat(((ComplaintReceived) received.events().get(0)).externalRef().id())
                .isEqualTo("4711");
    }

    @Test
    void theSameMatterIsTheSameOrderWithinTheWindowOnly() {
        Duration window = PROPERTIES.duplicates().window();
        Versioned<Complaint> recent = stored("C-1", "ORD-1", T0.minus(window).plusSeconds(60));
        Versioned<Complaint> old = stored("C-0", "ORD-1", T0.minus(window).minusSeconds(60));
        Versioned<Complaint> otherOrder = stored("C-9", "ORD-9", T0.minusSeconds(60));

        assertThat(decide.sameMatter(List.of(recent, old, otherOrder), incoming("Broken again", "ORD-1"), T0))
                .extracting(Versioned::id)
                .containsExactly("C-1");
    }

    @Test
    void aDuplicateIsMergedAsAMessageAndRemembersItsTicketOnce() {
        Complaint open = stored("C-1", "ORD-1", T0.minusSeconds(600)).value();
        String key = Complaint.externalKey("zendesk", "zendesk", "4711");

        Change<Complaint> merged =
                decide.merged("C-1", open, incoming("Still broken", "ORD-1"), key, null, "msg-1", T0);

        assertThat(merged.value().messages()).singleElement().satisfies(m -> {
            assertThat(m.id()).isEqualTo("msg-1");
            assertThat(m.mergedDuplicate()).isTrue();
        });
        assertThat(merged.value().mergedExternalKeys()).containsExactly(key);
        assertThat(merged.events()).first().isInstanceOf(MessageAdded.class);
        assertThat(decide.merged("C-1", merged.value(), incoming("Still broken", "ORD-1"), key, null, "msg-2", T0))
                .as("the same ticket again is not merged twice")
                .isNull();
        assertThat(decide.merged(
                        "C-1",
                        open.withStatus(ComplaintStatus.CLOSED),
                        incoming("x", "ORD-1"),
                        null,
                        null,
                        "msg-3",
                        T0))
                .as("a closed complaint takes no merge")
                .isNull();
    }

    @Test
    void aLaterMessageThatReadsHigherRaisesTheEmotionAndSaysSo() {
        Complaint open = stored("C-1", "ORD-1", T0.minusSeconds(600)).value();

        IntakeDecisions.Message message = decide.message(
                "C-1",
                open,
                null,
                "msg-1",
                "This is outrageous, I will call a lawyer and the newspaper!!!",
                null,
                null,
                T0);

        assertThat(message.emotionRose()).isTrue();
        assertThat(message.change().value().emotion()).isGreaterThan(EmotionLevel.CALM);
        assertThat(message.change().events()).hasSize(2).element(1).isInstanceOf(EmotionRose.class);
        assertThat(message.change().value().messages().get(0).channel())
                .as("the complaint's channel")
                .isEqualTo(Channel.PHONE);
    }

    @Test
    void everyTextOfTheCustomerIsReadSoTheTrajectoryShowsARiseAndACalmingDown() {
        Complaint open = stored("C-1", "ORD-1", T0.minusSeconds(600)).value();
        assertThat(open.trajectory()).extracting(Complaint.EmotionPoint::source).containsExactly("received");

        Complaint furious = decide.message(
                        "C-1",
                        open,
                        null,
                        "msg-1",
                        "This is outrageous, I will call a lawyer and the newspaper!!!",
                        null,
                        null,
                        T0)
                .change()
                .value();
        Complaint calmer = decide.message(
                        "C-1",
                        furious,
                        null,
                        "msg-2",
                        "Thank you, the engineer came today",
                        null,
                        null,
                        T0.plusSeconds(3600))
                .change()
                .value();

        assertThat(calmer.trajectory())
                .extracting(Complaint.EmotionPoint::level)
                .containsExactly(open.emotion(), EmotionLevel.FURIOUS, EmotionLevel.CALM);
        assertThat(calmer.emotion()).as("the headline keeps the highest").isEqualTo(EmotionLevel.FURIOUS);
        assertThat(calmer.emotionNow()).as("where the customer is now").isEqualTo(EmotionLevel.CALM);

        // Their words about a proposal are read too: an angry rejection rises and is told.
        Change<Complaint> answered = decide.answered(
                "C-1",
                calmer,
                null,
                "answer-1",
                false,
                "Ridiculous, this is unacceptable",
                "agent-7",
                T0.plusSeconds(7200));
        assertThat(answered.value().trajectory()).last().satisfies(p -> {
            assertThat(p.source()).isEqualTo("proposal-answer");
            assertThat(p.level()).isGreaterThanOrEqualTo(EmotionLevel.ANGRY);
        });
    }

    @Test
    void threeMessagesWithinMinutesAreASignalOfTheirOwn() {
        Complaint c = stored("C-1", "ORD-1", T0.minusSeconds(600)).value();
        c = decide.message("C-1", c, null, "m-1", "Where is it", null, null, T0)
                .change()
                .value();
        c = decide.message("C-1", c, null, "m-2", "Hello?", null, null, T0.plusSeconds(40))
                .change()
                .value();
        assertThat(c.messages().get(1).signals()).noneMatch(sig -> sig.startsWith("message-rate"));

        c = decide.message("C-1", c, null, "m-3", "Anyone there", null, null, T0.plusSeconds(80))
                .change()
                .value();

        assertThat(c.messages().get(2).signals()).contains("message-rate:3 in 2 min");
        assertThat(c.messages().get(2).emotion()).isGreaterThan(EmotionLevel.CALM);
    }

    @Test
    void beyondTheContactsADayAgreedAMessageIsKeptButItsToneMovesNothing() {
        Complaint open = stored("C-1", "ORD-1", T0.minusSeconds(600)).value();
        String furious = "This is outrageous and unacceptable, you useless idiots!!!";

        // One contact a day agreed; the complaint itself came in ten minutes ago, so this message is the second.
        IntakeDecisions.ContactPlan plan =
                IntakeDecisions.ContactPlan.at(T0, 1, List.of(T0.minusSeconds(600), T0.minusSeconds(200_000)), open);
        assertThat(plan.inLastDay())
                .as("the complaint of 10 minutes ago and this message")
                .isEqualTo(2);
        IntakeDecisions.Message held = decide.message("C-1", open, null, "msg-1", furious, null, plan, T0);

        assertThat(held.emotionRose()).isFalse();
        assertThat(held.change().value().emotion()).isEqualTo(open.emotion());
        assertThat(held.change().value().stage()).isEqualTo(open.stage());
        assertThat(held.change().events()).singleElement().isInstanceOf(MessageAdded.class);
        // Kept and read all the same: on the timeline with its reading, for the next agreed contact.
        assertThat(held.change().value().messages()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(furious);
            assertThat(m.emotion()).isGreaterThan(EmotionLevel.CALM);
        });
        assertThat(held.change().value().timeline())
                .last()
                .satisfies(e -> assertThat(e.summary()).contains("contact 2 in 24 hours, beyond the 1 a day agreed"));

        // Within what was agreed, the same words rise and are told.
        IntakeDecisions.ContactPlan roomy = IntakeDecisions.ContactPlan.at(T0, 3, List.of(T0.minusSeconds(600)), open);
        assertThat(roomy.beyondAgreed()).isFalse();
        assertThat(decide.message("C-1", open, null, "msg-1", furious, null, roomy, T0)
                        .emotionRose())
                .isTrue();
        assertThat(IntakeDecisions.ContactPlan.at(T0, null, List.of(), open))
                .as("none agreed")
                .isNull();
    }

    @Test
    void aMessageIsRefusedOnAComplaintTheCallerMayNotSeeOrThatIsClosed() {
        Complaint open = stored("C-1", "ORD-1", T0).value();

        assertThatThrownBy(() -> decide.message("C-1", open, "zendesk", "msg-1", "hello", null, null, T0))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> decide.message(
                        "C-1", open.withStatus(ComplaintStatus.CLOSED), null, "msg-1", "hello", null, null, T0))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.status().value()).isEqualTo(409));
    }

    @Test
    void sharingWithAClientThatSeesItAlreadyChangesNothing() {
        Complaint open = stored("C-1", "ORD-1", T0).value();

        Change<Complaint> shared = decide.shared("C-1", open, "zendesk", "agent-7", T0);

        assertThat(shared.value().sharedWith()).containsExactly("zendesk");
        assertThat(decide.shared("C-1", shared.value(), "zendesk", "agent-7", T0))
                .isNull();
    }

    private static Incoming incoming(String text, String orderRef) {
        return new Incoming(Channel.PHONE, text, null, orderRef, null, null);
    }

    private Versioned<Complaint> stored(String id, String orderRef, Instant receivedAt) {
        Complaint c = decide.received(
                        id,
                        new Complainant("CUS-1", null),
                        incoming("The parcel arrived broken", orderRef),
                        List.of(),
                        AGENT,
                        null,
                        null,
                        null,
                        receivedAt)
                .value();
        return new Versioned<>(id, c, 1, List.of());
    }
}
