import java.net.URI;
import java.net.http.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
public class Loop {
    static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    static String mint(byte[] secret, String iss, String sub) throws Exception {
        long now = Instant.now().getEpochSecond();
        String claims = String.format("{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"firebreak\",\"jti\":\"%s\",\"iat\":%d,\"exp\":%d,\"roles\":[\"AGENT\"],\"departments\":[\"*\"]}", iss, sub, UUID.randomUUID(), now, now + 86400);
        String in = URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "." + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256"); mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        return in + "." + URL.encodeToString(mac.doFinal(in.getBytes(StandardCharsets.US_ASCII)));
    }
    public static void main(String[] a) throws Exception {
        String url = a[0]; Path data = Path.of(a[1]); String iss = a[2]; int threads = Integer.parseInt(a[3]); long secs = Long.parseLong(a[4]);
        byte[] secret = Files.readString(data.resolve("jwt-secret")).strip().getBytes(StandardCharsets.UTF_8);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 512; i++) tokens.add(mint(secret, iss, "loop-agent-" + i));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicLong ok = new AtomicLong(), bad = new AtomicLong(), next = new AtomicLong();
        long end = System.nanoTime() + secs * 1_000_000_000L;
        Thread[] ts = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            ts[i] = new Thread(() -> {
                while (System.nanoTime() < end) {
                    String t = tokens.get((int) (next.getAndIncrement() % tokens.size()));
                    HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + t).GET().build();
                    try { var resp = client.send(r, HttpResponse.BodyHandlers.discarding()); if (resp.statusCode() == 200) ok.incrementAndGet(); else bad.incrementAndGet(); }
                    catch (Exception e) { bad.incrementAndGet(); }
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join();
        System.out.println("ok " + ok.get() + " bad " + bad.get());
    }
}
