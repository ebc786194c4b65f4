package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's docker-compose.yml as Compose itself reads it ({@code docker-compose config}, which resolves
 * anchors, merges and variables): valid, and every container supervised, bounded in memory and started only after
 * what it needs is healthy. Skipped where the docker-compose client is not installed (CI installs it).
 */
class DockerComposeFileTest {

    private static final List<String> APPLICATIONS = List.of("intake", "triage", "resolution", "feedback", "gateway");
    /** The optional profile's: Prometheus with its token minter, and Grafana. */
    private static final List<String> OBSERVABILITY = List.of("scrape-token", "prometheus", "grafana");

    private static Path composeFile;
    private static Path dockerCompose;

    @BeforeAll
    static void findComposeFileAndClient() {
        composeFile = repositoryRoot().resolve("docker-compose.yml");
        dockerCompose = onPath("docker-compose").orElse(null);
        assumeTrue(dockerCompose != null, "the docker-compose client is not installed");
    }

    @Test
    void isValidForCompose() {
        Result result = compose("config", "-q");

        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void refusesToStartWithoutTheSecretsNamingEach() {
        Result withoutAny = compose(Map.of(), "config", "-q");
        assertThat(withoutAny.exitCode()).as(withoutAny.output()).isNotZero();
        assertThat(withoutAny.output()).contains("FIREBREAK_JWT_SECRET");
        for (String missing : SECRETS.keySet()) {
            Map<String, String> others = new java.util.HashMap<>(SECRETS);
            others.remove(missing);
            Result without = compose(others, "config", "-q");
            assertThat(without.exitCode()).as(missing + ": " + without.output()).isNotZero();
            assertThat(without.output()).contains(missing);
        }
    }

    @Test
    void everyContainerHasAHealthcheckAndAMemoryLimit() {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsKeys("kafka", "mongo").containsKeys(APPLICATIONS.toArray(String[]::new));
        services.forEach((name, service) -> {
            Map<String, Object> healthcheck = map(service.get("healthcheck"));
            assertThat(healthcheck).as("%s healthcheck", name).isNotEmpty().containsKey("test");
            assertThat(healthcheck.get("disable"))
                    .as("%s healthcheck disabled", name)
                    .isNotEqualTo(true);
            assertThat(memoryLimit(service)).as("%s memory limit", name).isPresent();
        });
    }

    @Test
    void everyApplicationStartsOnlyAfterWhatItNeedsIsHealthy() {
        Map<String, Map<String, Object>> services = services();

        for (String name : APPLICATIONS) {
            Map<String, Object> dependsOn = map(services.get(name).get("depends_on"));
            assertThat(dependsOn).as("%s depends_on", name).isNotEmpty();
            dependsOn.forEach(
                    (dependency, condition) -> assertThat(map(condition).get("condition"))
                            .as("%s waits for %s", name, dependency)
                            .isEqualTo("service_healthy"));
        }
        assertThat(map(services.get("intake").get("depends_on"))).containsOnlyKeys("kafka", "mongo");
        assertThat(map(services.get("gateway").get("depends_on")))
                .containsOnlyKeys("kafka", "mongo", "intake", "triage", "resolution", "feedback");
    }

    @Test
    void everyApplicationIsToldWhereTheBrokerAndTheStoreAreAndSharesTheTokenSecret() {
        Map<String, Map<String, Object>> services = services();

        for (String name : APPLICATIONS) {
            Map<String, Object> environment = map(services.get(name).get("environment"));
            assertThat(environment)
                    .as("%s environment", name)
                    .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsKey("FIREBREAK_MONGO_URI")
                    .containsKey("FIREBREAK_SECURITY_JWT_SECRET");
        }
    }

    @Test
    void onlyTheGatewayIsPublishedAndTheOptionalDashboardsOnThisMachineOnly() {
        Map<String, Map<String, Object>> services = services("--profile", "observability");

        services.forEach((name, service) -> {
            if (name.equals("gateway")) {
                assertThat(service.get("ports")).as("gateway ports").isNotNull();
            } else if (OBSERVABILITY.contains(name) && service.get("ports") != null) {
                assertThat((List<?>) service.get("ports"))
                        .as("%s ports", name)
                        .allSatisfy(port -> assertThat(String.valueOf(port)).contains("127.0.0.1"));
            } else {
                assertThat(service.get("ports")).as("%s ports", name).isNull();
            }
        });
    }

    @Test
    void theObservabilityProfileScrapesEveryPartWithAScrapersTokenAndShipsNoPassword() throws IOException {
        Map<String, Map<String, Object>> services = services("--profile", "observability");
        assertThat(services).containsKeys(OBSERVABILITY.toArray(String[]::new));
        OBSERVABILITY.forEach(name -> assertThat(strings(services.get(name).get("profiles")))
                .as("%s profiles", name)
                .containsExactly("observability"));

        // Prometheus scrapes each application on the port its healthcheck asks, with the minted token.
        Map<String, Object> prometheus =
                new Yaml().load(Files.readString(composeFile.resolveSibling("deploy/prometheus/prometheus.yml")));
        Map<String, Object> job = map(((List<?>) prometheus.get("scrape_configs")).get(0));
        assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
        List<String> expectedTargets = APPLICATIONS.stream()
                .map(name -> name + ":" + healthcheckPort(services.get(name)))
                .toList();
        assertThat(strings(map(((List<?>) job.get("static_configs")).get(0)).get("targets")))
                .containsExactlyInAnyOrderElementsOf(expectedTargets);
        String tokenFile = (String) map(job.get("authorization")).get("credentials_file");
        assertThat(String.valueOf(services.get("scrape-token").get("command")))
                .contains("TokenCommand", "METRICS", "--out " + tokenFile);
        assertThat(String.valueOf(services.get("scrape-token").get("volumes"))).contains(":/tokens");
        assertThat(String.valueOf(services.get("prometheus").get("volumes"))).contains(":/tokens:ro");
        assertThat(tokenFile).startsWith("/tokens/");

        // Grafana: nobody signs in (no password is shipped); the dashboard and its source come from the repository.
        Map<String, Object> grafana = map(services.get("grafana").get("environment"));
        assertThat(grafana)
                .containsEntry("GF_AUTH_DISABLE_LOGIN_FORM", "true")
                .containsEntry("GF_AUTH_BASIC_ENABLED", "false")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer")
                .doesNotContainKey("GF_SECURITY_ADMIN_PASSWORD");
        assertThat(String.valueOf(services.get("grafana").get("volumes"))).contains("deploy/grafana/firebreak.json");
        Map<String, Object> datasources = new Yaml()
                .load(Files.readString(
                        composeFile.resolveSibling("deploy/grafana/provisioning/datasources/prometheus.yml")));
        assertThat(map(((List<?>) datasources.get("datasources")).get(0)).get("url"))
                .isEqualTo("http://prometheus:9090");
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /** The port in an application's healthcheck URL ({@code http://localhost:8081/actuator/...}). */
    private static String healthcheckPort(Map<String, Object> service) {
        String test = String.valueOf(map(service.get("healthcheck")).get("test"));
        Matcher port = Pattern.compile("localhost:(\\d+)/").matcher(test);
        assertThat(port.find()).as(test).isTrue();
        return port.group(1);
    }

    private static Map<String, Map<String, Object>> services(String... options) {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add("config");
        Result result = compose(arguments.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<String, Object> document = new Yaml().load(result.output());
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(document.get("services")).forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    /** {@code mem_limit}, or {@code deploy.resources.limits.memory} as newer Compose versions write it. */
    private static Optional<Object> memoryLimit(Map<String, Object> service) {
        if (service.get("mem_limit") != null) {
            return Optional.of(service.get("mem_limit"));
        }
        Map<String, Object> limits =
                map(map(map(service.get("deploy")).get("resources")).get("limits"));
        return Optional.ofNullable(limits.get("memory"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The secrets compose requires, none shipped. */
    private static final Map<String, String> SECRETS = Map.of(
            "FIREBREAK_JWT_SECRET", "a-random-secret-of-at-least-32-bytes-for-this-test",
            "FIREBREAK_SURVEY_SECRET", "a-random-survey-secret-for-this-test",
            "FIREBREAK_CUSTOMER_ID_KEY", "a-random-customer-id-key-of-at-least-32-characters",
            "FIREBREAK_WEBHOOK_SECRET_KEY", "a-random-webhook-secret-key-of-at-least-32-characters");

    /** Compose as an operator runs it: with the secrets it requires set. */
    private static Result compose(String... arguments) {
        return compose(SECRETS, arguments);
    }

    private static Result compose(Map<String, String> environment, String... arguments) {
        List<String> command = new ArrayList<>(List.of(dockerCompose.toString(), "-f", composeFile.toString()));
        command.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(composeFile.getParent().toFile())
                    .redirectErrorStream(true);
            SECRETS.keySet().forEach(builder.environment()::remove);
            builder.environment().putAll(environment);
            Process process = builder.start();
            // Read before waiting: a full pipe would block the process.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS))
                    .as("docker-compose finished")
                    .isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The directory with the Maven Wrapper and docker-compose.yml, upwards from where the tests run. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No docker-compose.yml above " + Path.of("").toAbsolutePath());
    }

    private static Optional<Path> onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, executable))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private record Result(int exitCode, String output) {}
}
