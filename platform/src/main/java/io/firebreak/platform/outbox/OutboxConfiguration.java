package io.firebreak.platform.outbox;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.kafka.EventPublisher;
import io.firebreak.platform.kafka.KafkaConfiguration;
import io.firebreak.platform.mongo.MongoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The outbox relay and the aggregate stores of a service that has a database and publishes events. */
@AutoConfiguration(after = {MongoConfiguration.class, KafkaConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnBean({MongoDatabase.class, EventPublisher.class})
public class OutboxConfiguration {

    @Bean
    OutboxRelay outboxRelay(EventPublisher publisher, PlatformProperties properties) {
        return new OutboxRelay(publisher, properties.outbox().sweepInterval(), properties.outbox().sweepBatch(),
                properties.outbox().fullSweepInterval());
    }

    @Bean
    AggregateStores aggregateStores(MongoDatabase database, EventCodec codec, OutboxRelay relay) {
        return new AggregateStores(database, codec, relay);
    }
}
