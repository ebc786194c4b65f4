package io.firebreak.feedback.followup;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.feedback.followup.ComplaintFollowUps.FollowUp;
import io.firebreak.feedback.followup.ComplaintFollowUps.Result;
import io.firebreak.feedback.rootcause.RootCauseRecord;
import io.firebreak.platform.mongo.MongoConfiguration;
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

class ComplaintFollowUpsCodecTest {

    @Test
    void followUpsSurviveTheRoundTripThroughTheirStoredForm() {
        Codec<ComplaintFollowUps> codec = MongoConfiguration.codecRegistry().get(ComplaintFollowUps.class);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        FollowUp answered = new FollowUp(
                "r-1",
                at,
                "agent-1",
                "退款",
                "BILLING",
                "BILLING",
                new Result(false, 2, "还是不行", "agent-2", at, Outcome.REOPENED));
        ComplaintFollowUps value = new ComplaintFollowUps(
                "c-1",
                new FollowUp("r-2", at, "agent-1", "again", "BILLING", "BILLING", null),
                List.of(answered),
                List.of(new RootCauseRecord("r-1", at, "BILLING", "BILLING", null)));

        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        doc.put("_id", new BsonString("c-1"));

        assertThat(codec.decode(
                        new BsonDocumentReader(doc), DecoderContext.builder().build()))
                .isEqualTo(value);
    }
}
