package io.firebreak.platform.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.test.EmbeddedInfrastructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A service keeps a connection open however many requests it carries: the gateway's pooled connections are not
 * closed every hundred requests (Tomcat's own default) and opened again, each time with new buffers at both ends.
 */
@SpringBootTest(
        classes = LedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.config.name=ledger")
class KeepAliveIT {

    private static final int REQUESTS = 250;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().register(registry);
        registry.add(
                "firebreak.mongo.database",
                () -> "keepalive-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @LocalServerPort
    int port;

    @Test
    void oneConnectionCarriesMoreThanAHundredRequests() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 1; i <= REQUESTS; i++) {
                out.write(("GET /actuator/health/liveness HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = head(in);
                assertThat(head).as("answer %d", i).startsWith("HTTP/1.1 200");
                assertThat(head.toLowerCase(Locale.ROOT))
                        .as("answer %d keeps the connection", i)
                        .doesNotContain("connection: close");
                skipBody(in, head);
            }
        }
    }

    /** The status line and headers, up to the blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) throw new IOException("The connection was closed after: " + bytes);
            bytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    /** The body, by its length or its chunks. */
    private static void skipBody(InputStream in, String head) throws IOException {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                in.readNBytes(
                        Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()));
                return;
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                while (true) {
                    int size = Integer.parseInt(line(in).split(";")[0].strip(), 16);
                    in.readNBytes(size + 2);
                    if (size == 0) return;
                }
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) throw new IOException("The connection was closed in a chunk's size");
            if (b != '\r') bytes.write(b);
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
