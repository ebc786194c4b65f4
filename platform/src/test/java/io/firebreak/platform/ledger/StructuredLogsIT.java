package io.firebreak.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.PlatformDefaults;
import io.firebreak.platform.test.EmbeddedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service run on its own logs JSON when told to ({@code logging.structured.format.console=ecs}, Spring Boot's
 * structured logging): one object per line, with the level, the logger, the message, the service's name and the correlation id.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=ledger", "logging.structured.format.console=ecs"})
class StructuredLogsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry);
        registry.add(
                "firebreak.mongo.database",
                () -> "logs-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @LocalServerPort
    int port;

    /**
     * Plain lines again for the tests after this one in the same JVM: logging is the JVM's, and a context they share
     * may have been made before this one switched it to JSON.
     */
    @AfterAll
    static void plainLinesAgain() {
        // Boot hands the format to logback as a system property, which outlives the context.
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        MockEnvironment environment = new MockEnvironment();
        new PlatformDefaults().postProcessEnvironment(environment, null);
        LoggingSystem logging = LoggingSystem.get(StructuredLogsIT.class.getClassLoader());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, null);
    }

    @Test
    void ecs_everyLineIsOneJsonObjectWithLevelLoggerMessageServiceAndCorrelation(CapturedOutput output)
            throws Exception {
        String marker = "/ledger/" + UUID.randomUUID();
        HttpResponse<Void> refused = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + marker))
                                .header("Authorization", "Bearer forged")
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(401);

        JsonMapper json = JsonMapper.builder().build();
        List<String> lines =
                output.getOut().lines().filter(line -> line.contains(marker)).toList();
        assertThat(lines).as("the refused token's line").isNotEmpty();
        for (String line : lines) {
            JsonNode entry = json.readTree(line);
            assertThat(entry.path("log").path("level").asString()).isEqualTo("INFO");
            assertThat(entry.path("log").path("logger").asString()).endsWith("SecurityConfiguration");
            assertThat(entry.path("message").asString())
                    .contains("Bearer token refused")
                    .contains(marker);
            assertThat(entry.has("@timestamp")).isTrue();
            assertThat(entry.path("service").path("name").asString()).isEqualTo("ledger");
            assertThat(entry.path("correlationId").asString())
                    .as("the request's correlation id")
                    .isNotBlank();
        }
    }
}
