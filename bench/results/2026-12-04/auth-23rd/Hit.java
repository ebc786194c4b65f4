import java.net.URI;
import java.net.http.*;
import java.time.Duration;
import java.util.concurrent.*;
import java.util.concurrent.atomic.*;
public class Hit {
  public static void main(String[] a) throws Exception {
    URI uri = URI.create(a[0]); String token = a[1]; int threads = Integer.parseInt(a[2]); int secs = Integer.parseInt(a[3]);
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    AtomicLong n = new AtomicLong(), bad = new AtomicLong();
    java.util.List<String> tokens = new java.util.ArrayList<>();
    if (token.startsWith("mint:")) {
      byte[] secret = java.nio.file.Files.readString(java.nio.file.Path.of("/work/main/data/jwt-secret")).strip().getBytes();
      var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
      long now = System.currentTimeMillis() / 1000;
      for (int i = 0; i < Integer.parseInt(token.substring(5)); i++) {
        String si = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes()) + "." + b64.encodeToString(String.format("{\"iss\":\"firebreak\",\"sub\":\"hit-%d\",\"aud\":\"firebreak\",\"jti\":\"%s\",\"iat\":%d,\"exp\":%d,\"roles\":[\"AGENT\"],\"departments\":[\"*\"]}", i, java.util.UUID.randomUUID(), now, now + 86400).getBytes());
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256"); mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        tokens.add(si + "." + b64.encodeToString(mac.doFinal(si.getBytes())));
      }
    } else tokens.add(token);
    long end = System.nanoTime() + secs * 1_000_000_000L;
    ExecutorService ex = Executors.newFixedThreadPool(threads);
    for (int i = 0; i < threads; i++) ex.execute(() -> {
      while (System.nanoTime() < end) {
        String tk = tokens.get((int) (n.get() % tokens.size()));
        HttpRequest r = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tk).timeout(Duration.ofSeconds(10)).build();
        try { var resp = http.send(r, HttpResponse.BodyHandlers.ofByteArray()); if (resp.statusCode() != 200) bad.incrementAndGet(); n.incrementAndGet(); }
        catch (Exception e) { bad.incrementAndGet(); }
      }
    });
    ex.shutdown(); ex.awaitTermination(secs + 30, TimeUnit.SECONDS);
    System.out.printf("%d requests, %d not 200, %.0f/s%n", n.get(), bad.get(), n.get() / (double) secs);
  }
}
