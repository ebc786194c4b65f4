package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.CaseState;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.SlaClock;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.mongo.MongoConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonString;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

class ComplaintCaseCodecTest {

    @Test
    void caseSurvivesTheRoundTripThroughItsStoredForm() {
        Codec<ComplaintCase> codec = MongoConfiguration.codecRegistry().get(ComplaintCase.class);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        ComplaintCase value = new ComplaintCase(
                "c-1",
                CaseState.RESOLVED,
                "BILLING",
                List.of("LOGISTICS"),
                ComplaintClass.MAJOR,
                at,
                at.plusSeconds(60),
                List.of(SlaClock.FIRST_RESPONSE),
                null,
                at,
                new ComplaintCase.Acknowledgement("agent-1", at, null),
                new ComplaintCase.Resolution("agent-1", at, "退款已完成", "BILLING", "root-causes-1"),
                1,
                List.of(new ComplaintCase.Transition(at, null, CaseState.ASSIGNED, "assigned")),
                "agent-1",
                new ComplaintCase.Proposal(
                        ComplaintCase.ProposalStatus.ACCEPTED,
                        List.of(new ProposalStep(1, "退款", "BILLING", at.plusSeconds(3600))),
                        List.of(
                                new Remedy(RemedyType.APOLOGY, null, null),
                                new Remedy(RemedyType.COMPENSATION, new BigDecimal("1500.50"), "CNY")),
                        "agent-1",
                        at,
                        "lead-1",
                        at,
                        at,
                        "ok"),
                List.of(new ComplaintCase.Pause("waiting for photos", "agent-1", CaseState.INVESTIGATING, at, at)),
                List.of(new ComplaintCase.Note("agent-1", at, "internal", true)),
                List.of(new ComplaintCase.Reassignment(at, "lead-1", null, "agent-2", "BILLING", "BILLING", "load")),
                at.toEpochMilli(),
                at.plusSeconds(45),
                at.plusSeconds(30),
                List.of(SlaClock.RESOLUTION),
                1500L,
                at,
                List.of(new ComplaintCase.Task(
                        "T1",
                        "LOGISTICS",
                        "li.na",
                        "取回包裹",
                        at.plusSeconds(600),
                        true,
                        ComplaintCase.TaskStatus.DONE,
                        "agent-1",
                        at,
                        "li.na",
                        at,
                        "已取回",
                        null,
                        true)),
                List.of(new ComplaintCase.Promise(
                        "P1",
                        ComplaintCase.PromiseKind.CALLBACK,
                        "回电",
                        "agent-1",
                        at,
                        at.plusSeconds(45),
                        at.plusSeconds(60),
                        ComplaintCase.PromiseStatus.KEPT,
                        true,
                        "agent-1",
                        at.plusSeconds(50))),
                "clocks-1",
                "agent-1");

        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        doc.put("_id", new BsonString("c-1"));

        assertThat(codec.decode(
                        new BsonDocumentReader(doc), DecoderContext.builder().build()))
                .isEqualTo(value);
    }

    @Test
    void caseStoredBeforeTheWarningsDecodesWithoutThem() {
        Codec<ComplaintCase> codec = MongoConfiguration.codecRegistry().get(ComplaintCase.class);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        ComplaintCase value = CaseDecisions.open(
                        new ResponsibilityAssigned(
                                "c-1",
                                at,
                                "BILLING",
                                List.of(),
                                ComplaintClass.ORDINARY,
                                at.plusSeconds(3600),
                                at.plusSeconds(7200)),
                        at)
                .value();
        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        List.of(
                        "firstResponseWarnAt",
                        "resolutionWarnAt",
                        "warned",
                        "resolutionPausedMillis",
                        "resolutionSince",
                        "tasks")
                .forEach(doc::remove);

        ComplaintCase old = codec.decode(
                new BsonDocumentReader(doc), DecoderContext.builder().build());

        assertThat(old.warned()).isEmpty();
        assertThat(old.tasks()).isEmpty();
        assertThat(old.resolutionPausedMillis()).isZero();
        assertThat(old.warnAt(SlaClock.FIRST_RESPONSE)).isNull();
        assertThat(old.toBuilder().build().nextDeadline()).isEqualTo(at.plusSeconds(3600));
    }
}
