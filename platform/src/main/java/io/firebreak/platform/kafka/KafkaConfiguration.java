package io.firebreak.platform.kafka;

import io.firebreak.events.Topics;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.tracing.Spans;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka for Firebreak services: the topics (each with its {@code .dlt}), CloudEvents publishing and
 * consuming, bounded retries with back-off then the dead-letter topic, and a broker health check.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@ConditionalOnProperty(prefix = "firebreak.kafka", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(PlatformProperties.class)
public class KafkaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfiguration.class);

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    EventDispatcher eventDispatcher(EventCodec codec, ObjectProvider<Spans> spans) {
        return new EventDispatcher(codec, spans.getIfAvailable(() -> Spans.NONE));
    }

    @Bean
    EventPublisher eventPublisher(
            KafkaTemplate<String, String> kafka,
            @Value("${spring.application.name:firebreak}") String serviceName,
            ObjectProvider<Spans> spans) {
        return new EventPublisher(kafka, serviceName, spans.getIfAvailable(() -> Spans.NONE));
    }

    @Bean
    @ConditionalOnProperty(prefix = "firebreak.kafka", name = "create-topics", matchIfMissing = true)
    KafkaAdmin.NewTopics firebreakTopics(PlatformProperties properties) {
        List<NewTopic> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(new NewTopic(
                    topic, properties.kafka().partitions(), properties.kafka().replicationFactor()));
            topics.add(new NewTopic(
                    Topics.deadLetter(topic),
                    properties.kafka().partitions(),
                    properties.kafka().replicationFactor()));
        }
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }

    /** Retries a failing record with back-off, then publishes it to {@code <topic>.dlt} with the error in headers. */
    @Bean
    CommonErrorHandler firebreakErrorHandler(
            KafkaTemplate<String, String> kafka, PlatformProperties properties, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable();
        // Partition -1: the producer picks it by key, so a dead-letter topic need not have as many partitions.
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                kafka, (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // Nothing else logs a dead letter: say which record went, and why, once it is safely there.
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, e) -> {
            deadLetters.accept(record, consumer, e);
            if (registry != null) {
                registry.counter("firebreak.dead.letters", "topic", record.topic())
                        .increment();
            }
            log.warn(
                    "Dead-lettered {}-{}@{} (type {}, id {}) to {}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    CloudEvents.header(record.headers(), CloudEvents.TYPE),
                    CloudEvents.header(record.headers(), CloudEvents.ID),
                    Topics.deadLetter(record.topic()),
                    e.getCause() != null ? e.getCause().toString() : e.toString());
        };
        ExponentialBackOffWithMaxRetries backOff =
                new ExponentialBackOffWithMaxRetries(properties.kafka().retries());
        backOff.setInitialInterval(properties.kafka().retryBackoff().toMillis());
        backOff.setMultiplier(2.0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }

    @Bean
    @ConditionalOnBean(EventSubscription.class)
    EventListeners eventListeners(
            ConcurrentKafkaListenerContainerFactory<String, String> factory,
            ObjectProvider<EventSubscription> subscriptions,
            EventDispatcher dispatcher,
            PlatformProperties properties,
            @Value("${spring.application.name:firebreak}") String groupId) {
        return new EventListeners(
                factory,
                subscriptions.orderedStream().toList(),
                dispatcher,
                groupId,
                properties.kafka().instanceId());
    }

    @Bean
    @ConditionalOnBean(EventListeners.class)
    DeadLetterEndpoint deadLetterEndpoint(
            ConsumerFactory<String, String> consumers, EventListeners listeners, EventDispatcher dispatcher) {
        return new DeadLetterEndpoint(consumers, listeners, dispatcher);
    }

    /**
     * Ready to take complaints means reading events too: DOWN until every subscription's consumer has joined its
     * group, so a freshly started service is not called ready while its events wait.
     */
    @Bean("consumersHealthIndicator")
    @ConditionalOnBean(EventListeners.class)
    HealthIndicator consumersHealthIndicator(EventListeners listeners) {
        return () -> {
            return (listeners.allJoined() ? Health.up() : Health.down())
                    .withDetail("group", listeners.groupId())
                    .withDetail("assignments", listeners.assignments())
                    .build();
        };
    }

    @Bean(destroyMethod = "close")
    AdminClient firebreakKafkaAdminClient(KafkaAdmin admin) {
        return AdminClient.create(admin.getConfigurationProperties());
    }

    @Bean("kafkaHealthIndicator")
    HealthIndicator kafkaHealthIndicator(AdminClient admin) {
        return () -> {
            try {
                var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000));
                int nodes = cluster.nodes().get(4, TimeUnit.SECONDS).size();
                return Health.up()
                        .withDetails(Map.of("clusterId", cluster.clusterId().get(4, TimeUnit.SECONDS), "nodes", nodes))
                        .build();
            } catch (Exception e) {
                return Health.down().withDetail("error", e.toString()).build();
            }
        };
    }
}
