package io.firebreak.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Webhook URLs are checked as a port scanner would try them: every way of writing an address behind the gateway is
 * refused, after resolving the host, when subscribing and again when delivering.
 */
class WebhookTargetsTest {

    /** Names resolved as a test says; literal addresses as the system does. */
    private final Map<String, String> names = new HashMap<>(Map.of(
            "receiver.example",
            "93.184.216.34",
            "internal.example",
            "10.1.2.3",
            "metadata.example",
            "169.254.169.254"));

    private final WebhookTargets targets = new WebhookTargets(false, false, this::resolve);

    private InetAddress[] resolve(String host) throws UnknownHostException {
        String address = names.get(host);
        if (address != null) return new InetAddress[] {InetAddress.getByName(address)};
        if (host.matches("[0-9.]+|[0-9a-fA-F:.]+:[0-9a-fA-F:.]*")) return InetAddress.getAllByName(host);
        throw new UnknownHostException(host);
    }

    @Test
    void ssrf_urlsToLoopbackUnspecifiedPrivateLinkLocalOrTheServicesAndDatabasesBehindTheGatewayAreRefused() {
        for (String url : List.of(
                "https://127.0.0.1:8081/api/v1/complaints",
                "https://[::1]/",
                "https://0.0.0.0/",
                "https://2130706433/",
                "https://127.0.0.1:27017/",
                "https://127.0.0.1:9092/",
                "https://[::ffff:127.0.0.1]/",
                "https://10.0.0.8/",
                "https://172.16.5.4/",
                "https://192.168.1.1/",
                "https://169.254.169.254/latest/meta-data/",
                "https://100.64.0.1/",
                "https://[fd00::1]/",
                "https://[fe80::1]/",
                "https://224.0.0.1/",
                "https://internal.example/hook",
                "https://metadata.example/",
                "https://nowhere.invalid/")) {
            assertThat(targets.refusal(url)).as(url).isNotNull();
        }
        assertThat(targets.refusal("https://receiver.example/hooks/firebreak")).isNull();
        assertThat(targets.refusal("https://93.184.216.34:8443/x")).isNull();
    }

    @Test
    void ssrf_plainHttpAndCredentialsInTheUrlAreRefusedUnlessHttpIsAllowedForLocalTesting() {
        assertThat(targets.refusal("http://receiver.example/hook")).contains("https");
        assertThat(targets.refusal("https://user:pw@receiver.example/hook")).isNotNull();
        assertThat(targets.refusal("ftp://receiver.example/hook")).isNotNull();
        WebhookTargets local = new WebhookTargets(true, true, this::resolve);
        assertThat(local.refusal("http://127.0.0.1:9999/hook")).isNull();
        assertThat(new WebhookTargets(true, false, this::resolve).refusal("http://127.0.0.1:9999/hook"))
                .as("http allowed, loopback still not")
                .isNotNull();
    }

    @Test
    void ssrf_aNameThatResolvesElsewhereSinceIsRefusedAtTheNextDelivery() {
        assertThat(targets.refusal("https://receiver.example/hook")).isNull();
        names.put("receiver.example", "127.0.0.1");
        assertThat(targets.refusal("https://receiver.example/hook")).contains("not on the public internet");
    }
}
