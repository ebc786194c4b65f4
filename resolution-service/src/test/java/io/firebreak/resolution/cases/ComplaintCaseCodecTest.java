package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.SlaClock;
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

class ComplaintCaseCodecTest {

    @Test
    void caseSurvivesTheRoundTripThroughItsStoredForm() {
        Codec<ComplaintCase> codec = MongoConfiguration.codecRegistry().get(ComplaintCase.class);
        Instant at = Instant.parse("2026-11-23T08:00:00Z");
        ComplaintCase value = new ComplaintCase("c-1", CaseState.RESOLVED, "BILLING", List.of("LOGISTICS"),
                ComplaintClass.MAJOR, at, at.plusSeconds(60), List.of(SlaClock.FIRST_RESPONSE), null, at,
                new ComplaintCase.Acknowledgement("agent-1", at, null),
                new ComplaintCase.Resolution("agent-1", at, "退款已完成", "BILLING"), 1,
                List.of(new ComplaintCase.Transition(at, null, CaseState.ASSIGNED, "assigned")));

        BsonDocument doc = new BsonDocument();
        codec.encode(new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        doc.put("_id", new BsonString("c-1"));

        assertThat(codec.decode(new BsonDocumentReader(doc), DecoderContext.builder().build())).isEqualTo(value);
    }
}
