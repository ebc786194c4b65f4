package io.firebreak.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands each part of the system has sent to its store so far, by command, as each one's MongoDB driver
 * counts them (the meter {@code mongodb.driver.commands} at {@code /actuator/metrics}, read with an ADMIN token on
 * the standalone system's documented ports). What the benchmark's own store ceilings and checks send is not in it.
 */
final class StoreCommands {

    private static final String METER = "mongodb.driver.commands";
    /** The parts and their ports (README: gateway 8080, services 8081–8084). */
    private static final Map<String, Integer> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("gateway", 8080);
        PARTS.put("intake", 8081);
        PARTS.put("triage", 8082);
        PARTS.put("resolution", 8083);
        PARTS.put("feedback", 8084);
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String host;
    private final String token;
    private boolean warned;

    StoreCommands(URI gateway, Tokens tokens) {
        this.host = gateway.getHost();
        this.token = tokens.mint("bench-admin", "ADMIN");
    }

    /**
     * "part collection command" → commands sent so far; a part that does not answer is left out (and said once).
     * Commands on no collection (a ping) count under {@code -}.
     */
    Map<String, Long> read() {
        Map<String, Long> counts = new TreeMap<>();
        PARTS.forEach((part, port) -> {
            try {
                JsonNode meter = get(port, "");
                for (String collection : tagValues(meter, "collection")) {
                    for (String command : tagValues(get(port, "?" + tag("collection", collection)), "command")) {
                        long n = count(get(port, "?" + tag("collection", collection) + "&" + tag("command", command)));
                        if (n > 0)
                            counts.put(
                                    part + " " + (collection.equals("unknown") ? "-" : collection) + " " + command, n);
                    }
                }
            } catch (Exception e) {
                if (!warned) {
                    System.out.println("Store commands of " + part + " not readable (" + e.getMessage()
                            + "): per-complaint store figures leave it out");
                    warned = true;
                }
            }
        });
        return counts;
    }

    private JsonNode get(int port, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://" + host + ":" + port + "/actuator/metrics/" + METER + query))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            // No command sent yet: the meter does not exist.
            return json.createObjectNode();
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return json.readTree(response.body());
    }

    /** The values of one of the meter's tags, as the meter (or its part a query selects) lists them. */
    private static List<String> tagValues(JsonNode meter, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode tag : meter.path("availableTags")) {
            if (!tag.path("tag").asString().equals(name)) continue;
            tag.path("values").forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static String tag(String name, String value) {
        return "tag=" + URLEncoder.encode(name + ":" + value, StandardCharsets.UTF_8);
    }

    private static long count(JsonNode meter) {
        for (JsonNode measurement : meter.path("measurements")) {
            if (measurement.path("statistic").asString().equals("COUNT")) {
                return measurement.path("value").asLong();
            }
        }
        return 0;
    }

    /** What was sent between two readings. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> sent = new TreeMap<>();
        after.forEach((key, count) -> {
            long delta = count - before.getOrDefault(key, 0L);
            if (delta > 0) sent.put(key, delta);
        });
        return sent;
    }
}
