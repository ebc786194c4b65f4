package io.firebreak.triage.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.triage.decision.ComplaintTriage.ClassificationStep;
import io.firebreak.triage.decision.ComplaintTriage.Retriage;
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

class ComplaintTriageCodecTest {

    private final Codec<ComplaintTriage> codec =
            MongoConfiguration.codecRegistry().get(ComplaintTriage.class);

    @Test
    void triagedComplaintSurvivesTheRoundTripThroughItsStoredForm() {
        Instant at = Instant.parse("2026-11-23T10:00:00Z");
        Reason reason = new Reason("legal-action", "律师", "The customer threatens legal action (律师).", "客户提出法律手段（律师）。");
        ComplaintTriage triage = new ComplaintTriage(
                "c-1",
                at,
                EmotionLevel.ANGRY,
                CustomerStage.COMPLAINT,
                List.of("c-0"),
                "zh",
                ComplaintClass.MAJOR,
                List.of(reason),
                "rules-1",
                "routing-1",
                "BILLING",
                List.of("LOGISTICS"),
                "zhang.min",
                at.plusSeconds(900),
                at.plusSeconds(86400),
                true,
                at,
                null,
                List.of(new ClassificationStep(
                        at,
                        ComplaintClass.MAJOR,
                        null,
                        List.of(reason),
                        "firebreak.complaint.received",
                        "rules-1",
                        "routing-1",
                        "zhang.min",
                        "sla-1")),
                List.of(),
                "我要找律师",
                new ComplaintTriage.Review(
                        List.of("No department's words found"),
                        false,
                        ComplaintTriage.Review.CONFIRMED,
                        "bai.lu",
                        at.plusSeconds(60),
                        "looked fine"));

        assertThat(roundTrip(triage)).isEqualTo(triage);
    }

    @Test
    void waitingDocumentSurvivesTheRoundTripWithItsAbsentFieldsAsNull() {
        ComplaintTriage waiting = ComplaintTriage.waitingFor(
                "c-2",
                new Retriage(
                        "firebreak.message.added",
                        Instant.parse("2026-11-23T10:00:00Z"),
                        null,
                        "我要找律师",
                        EmotionLevel.ANGRY,
                        null));

        ComplaintTriage back = roundTrip(waiting);

        assertThat(back).isEqualTo(waiting);
        assertThat(back.triaged()).isFalse();
        assertThat(back.open()).isFalse();
    }

    private ComplaintTriage roundTrip(ComplaintTriage value) {
        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        doc.put("_id", new BsonString(value.complaintId())); // stored beside the record, as the store does
        return codec.decode(
                new BsonDocumentReader(doc), DecoderContext.builder().build());
    }
}
