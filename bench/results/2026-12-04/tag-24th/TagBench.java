package io.firebreak.resolution.cases;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.web.ContentTags;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

public class TagBench {
  public static void main(String[] a) throws Exception {
    Instant t0 = Instant.parse("2026-11-23T08:00:00Z");
    ComplaintCase c = CaseDecisions.open(new ResponsibilityAssigned("c-1", t0, "BILLING", List.of(), ComplaintClass.ORDINARY, t0.plus(Duration.ofHours(4)), t0.plus(Duration.ofHours(72))), t0).value();
    c = CaseDecisions.acknowledge(c, "agent-1", null, t0).value();
    c = CaseDecisions.investigate(c, "agent-1", t0).value();
    c = CaseDecisions.propose(c, "agent-1", List.of(new ProposalStep(1, "Refund", "BILLING", t0.plusSeconds(3600))), List.of(new Remedy(RemedyType.APOLOGY, null, null), new Remedy(RemedyType.REFUND, new BigDecimal("99.00"), "CNY")), false, t0).value();
    Codec<ComplaintCase> codec = MongoConfiguration.codecRegistry().get(ComplaintCase.class);
    final ComplaintCase v = c;
    for (int round = 0; round < 5; round++) {
      long t = System.nanoTime(); String x = null;
      for (int i = 0; i < 50000; i++) { BsonDocument d = new BsonDocument(); codec.encode(new BsonDocumentWriter(d), v, EncoderContext.builder().build()); x = ContentTags.of(d.toJson()); }
      long oldNs = (System.nanoTime() - t) / 50000;
      t = System.nanoTime(); String y = null;
      for (int i = 0; i < 50000; i++) { BasicOutputBuffer b = new BasicOutputBuffer(); try (BsonBinaryWriter w = new BsonBinaryWriter(b)) { codec.encode(w, v, EncoderContext.builder().build()); } y = ContentTags.of(b.getInternalBuffer(), b.getPosition()); }
      long newNs = (System.nanoTime() - t) / 50000;
      BasicOutputBuffer b = new BasicOutputBuffer(); try (BsonBinaryWriter w = new BsonBinaryWriter(b)) { codec.encode(w, v, EncoderContext.builder().build()); }
      System.out.println("round " + round + ": JSON " + oldNs + " ns, BSON bytes " + newNs + " ns per tag (" + b.getPosition() + " bytes) " + x + " " + y);
    }
  }
}
