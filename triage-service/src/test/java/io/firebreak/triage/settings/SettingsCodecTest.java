package io.firebreak.triage.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.routing.RoutingTable;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.junit.jupiter.api.Test;

class SettingsCodecTest {

    @Test
    void shippedRuleSetSurvivesTheRoundTripThroughItsStoredForm() {
        RuleSet shipped = Shipped.properties().classification();

        assertThat(roundTrip(shipped, RuleSet.class)).isEqualTo(shipped);
    }

    @Test
    void shippedRoutingTableSurvivesTheRoundTripThroughItsStoredForm() {
        RoutingTable shipped = Shipped.properties().routing();

        assertThat(roundTrip(shipped, RoutingTable.class)).isEqualTo(shipped);
    }

    @Test
    void fingerprintTellsSettingsApart() {
        RuleSet shipped = Shipped.properties().classification();

        assertThat(VersionedSettings.fingerprint(shipped))
                .isEqualTo(VersionedSettings.fingerprint(roundTrip(shipped, RuleSet.class)));
        assertThat(VersionedSettings.fingerprint(shipped))
                .isNotEqualTo(VersionedSettings.fingerprint(
                        new RuleSet(shipped.negation(), shipped.rules().subList(0, 3), null)));
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        Codec<T> codec = MongoConfiguration.codecRegistry().get(type);
        BsonDocument doc = new BsonDocument();
        codec.encode(
                new BsonDocumentWriter(doc), value, EncoderContext.builder().build());
        return codec.decode(
                new BsonDocumentReader(doc), DecoderContext.builder().build());
    }
}
