package io.firebreak.platform.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.PlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.mongodb.MongoMetricsCommandListener;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.codecs.configuration.CodecRegistries;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * One {@link MongoClient} per service from {@code firebreak.mongo.uri}, and the service's own database from
 * {@code firebreak.mongo.database}. Records are stored with explicit record codecs; UUIDs in the standard form.
 * Every command the service sends is timed and counted as the meter {@code mongodb.driver.commands} (by command,
 * collection and outcome; {@code /actuator/metrics}), so what each request costs the store can be read.
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "firebreak.mongo", name = "database")
@EnableConfigurationProperties(PlatformProperties.class)
public class MongoConfiguration {

    /**
     * Records first (the platform's {@link RecordCodecs}: the driver's own record codec, which the default
     * registry also holds, cannot read package-private records nor documents written before a component was
     * added), then the default driver codecs (java.time, enums, collections, Document).
     */
    public static CodecRegistry codecRegistry() {
        return CodecRegistries.fromRegistries(
                CodecRegistries.fromProviders(new RecordCodecs()),
                CodecRegistries.fromCodecs(new DurationCodec()),
                MongoClientSettings.getDefaultCodecRegistry());
    }

    /** A {@link Duration} as its ISO-8601 text ({@code PT4H}), as settings files and the API write it. */
    static final class DurationCodec implements org.bson.codecs.Codec<Duration> {

        @Override
        public void encode(org.bson.BsonWriter writer, Duration value, org.bson.codecs.EncoderContext context) {
            writer.writeString(value.toString());
        }

        @Override
        public Duration decode(org.bson.BsonReader reader, org.bson.codecs.DecoderContext context) {
            return Duration.parse(reader.readString());
        }

        @Override
        public Class<Duration> getEncoderClass() {
            return Duration.class;
        }
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    MongoClient mongoClient(PlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(properties.mongo().uri()))
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .codecRegistry(codecRegistry())
                .writeConcern(writeConcern(properties.mongo().writeConcern()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(10, TimeUnit.SECONDS));
        meters.ifAvailable(registry -> settings.addCommandListener(new MongoMetricsCommandListener(registry)));
        return MongoClients.create(settings.build());
    }

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase mongoDatabase(MongoClient client, PlatformProperties properties) {
        return client.getDatabase(properties.mongo().database());
    }

    @Bean("mongoHealthIndicator")
    HealthIndicator mongoHealthIndicator(MongoDatabase database) {
        return () -> {
            try {
                database.runCommand(new Document("ping", 1));
                return Health.up().withDetail("database", database.getName()).build();
            } catch (RuntimeException e) {
                return Health.down(e).build();
            }
        };
    }

    private static WriteConcern writeConcern(String name) {
        WriteConcern concern = WriteConcern.valueOf(name);
        if (concern == null) {
            throw new IllegalArgumentException("Unknown write concern: " + name);
        }
        return concern;
    }
}
