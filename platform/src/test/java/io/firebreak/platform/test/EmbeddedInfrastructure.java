package io.firebreak.platform.test;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.events.Topics;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft Kafka broker (spring-kafka-test) and one in-memory MongoDB-protocol store per test JVM,
 * started on first use and stopped when the JVM ends.
 */
public final class EmbeddedInfrastructure implements Infrastructure {

    private static EmbeddedInfrastructure instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoServer mongo;
    private final String mongoUri;

    private EmbeddedInfrastructure() {
        List<String> topics = new ArrayList<>();
        Topics.ALL.forEach(t -> {
            topics.add(t);
            topics.add(Topics.deadLetter(t));
        });
        kafka = new EmbeddedKafkaKraftBroker(1, 3, topics.toArray(String[]::new));
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongo.bind();
        mongoUri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            mongo.shutdownNow();
                            kafka.destroy();
                        },
                        "embedded-infrastructure-stop"));
    }

    public static synchronized EmbeddedInfrastructure shared() {
        if (instance == null) instance = new EmbeddedInfrastructure();
        return instance;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    @Override
    public String mongoUri() {
        return mongoUri;
    }
}
