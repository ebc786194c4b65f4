package io.firebreak.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The defaults every service runs with, at the lowest precedence so a service's own file or the environment
 * can override them: Kafka for the outbox (idempotent, acks=all, string payloads), probes, problem+json.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.kafka.bootstrap-servers", "localhost:9092");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put(
                "spring.kafka.producer.value-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        defaults.put("spring.kafka.producer.properties.linger.ms", "1");
        defaults.put(
                "spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put(
                "spring.kafka.consumer.value-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        defaults.put("spring.kafka.consumer.enable-auto-commit", "false");
        defaults.put("spring.kafka.consumer.isolation-level", "read_committed");
        // A fetch waits up to 100 ms for more records rather than answering each record alone: a consumer's
        // requests to the broker stay near ten a second whatever the rate, and a poll brings what 100 ms brought,
        // applied with one read and one write per collection. Each hop of the pipeline takes up to 100 ms more than
        // at once (a complaint is assigned ~60 ms after it is received rather than ~18); at 100 complaints a second
        // the broker, the consumers and the relays cost 2.4 ms of CPU a complaint instead of 4.0, and the services
        // send 13 store commands a complaint instead of 18 (bench/results/2026-12-06/batches/).
        defaults.put("spring.kafka.consumer.fetch-min-size", "256KB");
        defaults.put("spring.kafka.consumer.fetch-max-wait", "100ms");
        // Offsets are committed twice a second rather than after every poll (up to 50 a second per consumer, each a
        // write to the broker's offsets log): still only for events already applied and durable, and a restart
        // redelivers at most the last half second, which the consumers' applied-event ids make harmless.
        defaults.put("spring.kafka.listener.ack-mode", "time");
        defaults.put("spring.kafka.listener.ack-time", "500ms");
        defaults.put("spring.kafka.consumer.properties.metadata.max.age.ms", "5000");
        defaults.put("spring.kafka.admin.fail-fast", "false");
        // A kept-alive connection stays open however many requests it carries (Tomcat closes one after 100 by
        // default) and while idle for up to a minute: a new connection costs both ends their buffers (~130 KB between
        // the gateway and a service), and each lives long enough to be copied by every young collection until it is
        // promoted. The gateway's client closes its idle connections well before this (RoutingConfiguration).
        defaults.put("server.tomcat.max-keep-alive-requests", "-1");
        defaults.put("server.tomcat.keep-alive-timeout", "60s");
        defaults.put("spring.jmx.enabled", "false");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("server.shutdown", "graceful");
        // Nothing listens for an application event per request.
        defaults.put("spring.mvc.publish-request-handled-events", "false");
        // Behind the gateway: links a service makes (Location) point at the gateway's address, not the service's.
        defaults.put("server.forward-headers-strategy", "framework");
        defaults.put("management.endpoints.web.exposure.include", "health,info,metrics,prometheus,deadletters");
        // Every meter names the service it is of: in the standalone system all five share a process.
        defaults.put("management.metrics.tags.application", "${spring.application.name:firebreak}");
        // Latency percentiles across instances (Prometheus histograms): requests and store commands.
        defaults.put("management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
        defaults.put("management.metrics.distribution.percentiles-histogram.mongodb.driver.commands", "true");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        // Probes need only the status; the parts (cluster id, database) are for operators.
        defaults.put("management.endpoint.health.show-details", "when-authorized");
        defaults.put("management.endpoint.health.show-components", "when-authorized");
        defaults.put("management.endpoint.health.roles", "ADMIN");
        // Ready = the store and the broker answer, and the service's consumers hold their partitions. A service
        // without a subscription has no "consumers" part, hence no membership validation.
        defaults.put("management.endpoint.health.group.readiness.include", "readinessState,mongo,kafka,consumers");
        defaults.put("management.endpoint.health.validate-group-membership", "false");
        defaults.put(
                "logging.pattern.level", "%5p [${spring.application.name:-},%X{correlationId:-},%X{complaintId:-}]");
        // Spring Boot's console line, but a line break inside a message (a value someone sent) shows as ⏎: no value
        // can forge a log line.
        defaults.put(
                "logging.pattern.console",
                "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} ${logging.pattern.level} ${PID:}"
                        + " --- [%15.15t] %-40.40logger{39} : %replace(%m){'[\\r\\n]+', ' ⏎ '}%n%wEx");
        environment.getPropertySources().addLast(new MapPropertySource("firebreakPlatformDefaults", defaults));
    }
}
