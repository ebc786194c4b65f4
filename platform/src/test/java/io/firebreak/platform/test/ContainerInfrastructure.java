package io.firebreak.platform.test;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Real Apache Kafka (KRaft) and MongoDB (a one-node replica set) in containers, for the same integration
 * tests where Docker is present. Test classes using it carry
 * {@code @Testcontainers(disabledWithoutDocker = true)} so they are skipped cleanly elsewhere.
 */
public final class ContainerInfrastructure implements Infrastructure {

    private static ContainerInfrastructure instance;

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.2.1");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");

    private ContainerInfrastructure() {
        kafka.start();
        mongo.start();
    }

    public static synchronized ContainerInfrastructure shared() {
        if (instance == null) instance = new ContainerInfrastructure();
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }
}
