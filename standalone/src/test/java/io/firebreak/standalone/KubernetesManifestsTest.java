package io.firebreak.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Kubernetes manifests in {@code deploy/kubernetes}, read into the Kubernetes API's own model (fabric8's,
 * generated from the Kubernetes OpenAPI schema; no cluster needed): every field one the schema knows, with a value
 * of its type; every part deployed as replicas with probes on the actuator's liveness and readiness, resources, a
 * disruption budget and autoscaling; every selector selecting a deployment; every setting taken from the config map
 * or the secret the README creates; each container listening on the port its service's own settings name.
 */
class KubernetesManifestsTest {

    private static final List<String> PARTS = List.of("intake", "triage", "resolution", "feedback", "gateway");
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "apps/v1 Deployment", Deployment.class,
            "v1 Service", Service.class,
            "v1 ConfigMap", ConfigMap.class,
            "policy/v1 PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2 HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    private static final KubernetesSerialization MODEL = new KubernetesSerialization();

    private static Path directory;
    private static final List<HasMetadata> resources = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        directory = repositoryRoot().resolve("deploy/kubernetes");
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document == null) continue;
                    Map<?, ?> map = (Map<?, ?>) document;
                    String kind = map.get("apiVersion") + " " + map.get("kind");
                    Class<? extends HasMetadata> type = KINDS.get(kind);
                    assertThat(type)
                            .as("%s: a kind these manifests are checked for: %s", file.getFileName(), kind)
                            .isNotNull();
                    HasMetadata resource = MODEL.unmarshal(MODEL.asJson(map), type);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(resource, kind + " " + resource.getMetadata().getName(), unknown);
                    assertThat(unknown)
                            .as("%s: fields the Kubernetes schema does not know", file.getFileName())
                            .isEmpty();
                    resources.add(resource);
                }
            }
        }
        assertThat(resources).isNotEmpty();
    }

    @Test
    void everyPartIsDeployedAsReplicasWithProbesResourcesABudgetAndAutoscaling() {
        for (String part : PARTS) {
            Deployment deployment = one(Deployment.class, "firebreak-" + part);
            assertThat(deployment.getSpec().getReplicas()).as(part).isGreaterThanOrEqualTo(2);
            Map<String, String> labels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(labels)
                    .as(part)
                    .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
            Container container =
                    deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertProbe(part, container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(part, container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(part, container.getReadinessProbe(), "/actuator/health/readiness");
            assertThat(container.getResources().getRequests()).as(part).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).as(part).containsKey("memory");
            assertThat(container.getPorts().get(0).getContainerPort())
                    .as("%s listens where its settings say", part)
                    .isEqualTo(serverPort(part));

            assertThat(one(Service.class, part).getSpec().getSelector())
                    .as(part)
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(one(PodDisruptionBudget.class, "firebreak-" + part)
                            .getSpec()
                            .getSelector()
                            .getMatchLabels())
                    .as(part)
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, "firebreak-" + part);
            assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo("firebreak-" + part);
            assertThat(autoscaler.getSpec().getMinReplicas()).as(part).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void everySettingComesFromTheConfigMapOrTheSecretTheReadmeCreates() throws IOException {
        Map<String, String> config = one(ConfigMap.class, "firebreak").getData();
        Set<String> secretKeys = secretKeysInReadme();
        assertThat(secretKeys).contains("jwt-secret");
        for (Deployment deployment : all(Deployment.class)) {
            List<EnvVar> env = deployment
                    .getSpec()
                    .getTemplate()
                    .getSpec()
                    .getContainers()
                    .get(0)
                    .getEnv();
            assertThat(env)
                    .extracting(EnvVar::getName)
                    .as(deployment.getMetadata().getName())
                    .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS", "FIREBREAK_MONGO_URI", "FIREBREAK_SECURITY_JWT_SECRET");
            for (EnvVar var : env) {
                String where = deployment.getMetadata().getName() + " " + var.getName();
                assertThat(var.getValue())
                        .as("%s: no value written in a manifest", where)
                        .isNull();
                var from = var.getValueFrom();
                if (from.getConfigMapKeyRef() != null) {
                    assertThat(from.getConfigMapKeyRef().getName()).as(where).isEqualTo("firebreak");
                    assertThat(config)
                            .as(where)
                            .containsKey(from.getConfigMapKeyRef().getKey());
                } else {
                    assertThat(from.getSecretKeyRef()).as(where).isNotNull();
                    assertThat(from.getSecretKeyRef().getName()).as(where).isEqualTo("firebreak");
                    assertThat(secretKeys)
                            .as(where)
                            .contains(from.getSecretKeyRef().getKey());
                }
            }
        }
        assertThat(env("firebreak-intake")).contains("FIREBREAK_INTAKE_CUSTOMER_ID_KEY");
        assertThat(env("firebreak-feedback")).contains("FIREBREAK_FEEDBACK_SURVEY_SECRET");
        assertThat(env("firebreak-gateway"))
                .contains(
                        "FIREBREAK_GATEWAY_WEBHOOKS_SECRET_KEY",
                        "FIREBREAK_GATEWAY_SERVICES_INTAKE",
                        "FIREBREAK_GATEWAY_SERVICES_FEEDBACK");
    }

    private static void assertProbe(String part, Probe probe, String path) {
        assertThat(probe).as("%s probes %s", part, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(part).isEqualTo(path);
    }

    private static List<String> env(String deployment) {
        return one(Deployment.class, deployment)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .stream()
                .map(EnvVar::getName)
                .toList();
    }

    /** The secret's keys as the README's {@code kubectl create secret} makes them. */
    private static Set<String> secretKeysInReadme() throws IOException {
        Matcher m =
                Pattern.compile("--from-literal=([a-z-]+)=").matcher(Files.readString(directory.resolve("README.md")));
        return m.results().map(r -> r.group(1)).collect(Collectors.toSet());
    }

    /** {@code server.port} in the part's own settings ({@code intake.yml}, …, on the class path). */
    private static int serverPort(String part) {
        try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream("/" + part + ".yml")) {
            assertThat(in).as("%s.yml", part).isNotNull();
            Map<?, ?> settings = new Yaml().load(in);
            return (Integer) ((Map<?, ?>) settings.get("server")).get("port");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T extends HasMetadata> List<T> all(Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).stream()
                .filter(r -> name.equals(r.getMetadata().getName()))
                .toList();
        if (found.size() != 1) fail("%d %s named %s", found.size(), type.getSimpleName(), name);
        return found.get(0);
    }

    /**
     * The model keeps what the schema does not know in {@code additionalProperties}: every object of the tree is
     * looked at, and each such field is reported with its path.
     */
    private static void unknownFields(Object value, String path, List<String> unknown) {
        if (value == null) return;
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (value instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) unknownFields(item, path + "[" + i++ + "]", unknown);
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) return;
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                boolean extra = field.getName().equals("additionalProperties");
                if (Modifier.isStatic(field.getModifiers())
                        || (!extra && !field.isAnnotationPresent(JsonProperty.class))) {
                    continue;
                }
                Object child;
                try {
                    field.setAccessible(true);
                    child = field.get(value);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    continue;
                }
                if (extra) {
                    if (child instanceof Map<?, ?> map && !map.isEmpty()) {
                        map.keySet().forEach(k -> unknown.add(path + "." + k));
                    }
                } else {
                    unknownFields(child, path + "." + field.getName(), unknown);
                }
            }
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/kubernetes")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "No deploy/kubernetes above " + Path.of("").toAbsolutePath());
    }
}
