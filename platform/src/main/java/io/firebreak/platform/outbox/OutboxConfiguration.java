package io.firebreak.platform.outbox;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.kafka.KafkaConfiguration;
import io.firebreak.platform.metrics.EventMeters;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The outbox relay and the aggregate stores of a service that has a database and publishes events. */
@AutoConfiguration(after = {MongoConfiguration.class, KafkaConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean({MongoDatabase.class, EventPublisher.class})
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(
            EventPublisher publisher, PlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        OutboxRelay relay = new OutboxRelay(
                publisher,
                properties.outbox().sweepInterval(),
                properties.outbox().sweepBatch(),
                properties.outbox().fullSweepInterval());
        meters.ifAvailable(registry -> {
            relay.meteredBy(new EventMeters(registry));
            Gauge.builder("firebreak.outbox.backlog", relay, r -> r.backlog().aggregates())
                    .description("Aggregates with events not yet published")
                    .register(registry);
            Gauge.builder("firebreak.outbox.oldest.age", relay, r -> r.backlog().oldestAgeSeconds())
                    .description("Age of the oldest event not yet published")
                    .baseUnit("seconds")
                    .register(registry);
        });
        return relay;
    }

    @Bean
    AggregateStores aggregateStores(MongoDatabase database, EventCodec codec, OutboxRelay relay) {
        return new AggregateStores(database, codec, relay);
    }
}
