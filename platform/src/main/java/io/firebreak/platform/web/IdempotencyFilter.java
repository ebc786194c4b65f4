package io.firebreak.platform.web;

import io.firebreak.platform.web.IdempotentRequests.Answer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on every POST of every service: a retry of a request (same client, same endpoint, same key,
 * same body) gets the first answer again without the work being done twice (201 becomes 200: the same resource);
 * the same key with another body is refused (422); a retry while the first still runs waits for its answer. Only a
 * success is kept: an error did nothing, so its retry does the work. Runs after authentication (the client is the
 * token's subject); a malformed key is 400. On the paths whose endpoint keeps the key in its aggregate's own write
 * ({@code keptByEndpoint}) only the key's form is checked here: the endpoint answers a retry itself.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,128}");

    private final IdempotentRequests requests;
    private final List<String> paths;
    private final List<String> keptByEndpoint;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public IdempotencyFilter(IdempotentRequests requests, List<String> paths, List<String> keptByEndpoint) {
        this.requests = requests;
        this.paths = List.copyOf(paths);
        this.keptByEndpoint = List.copyOf(keptByEndpoint);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) return true;
        String path = pathOf(request);
        return paths.stream().noneMatch(p -> matcher.match(p, path));
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (!KEY.matcher(key).matches()) {
            Problems.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    HEADER + ": must be 1 to 128 visible ASCII characters",
                    Map.of(),
                    Map.of(
                            "errors",
                            List.of(Map.of("field", HEADER, "reason", "must be 1 to 128 visible ASCII characters"))));
            return;
        }
        if (keptByEndpoint.stream().anyMatch(p -> matcher.match(p, pathOf(request)))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String endpoint = "POST " + request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String fingerprint =
                sha256(request.getContentType() + "\n" + HexFormat.of().formatHex(digest(body)));
        Answer answer;
        try {
            answer = requests.answer(
                    caller.getName(), endpoint, key, fingerprint, () -> run(request, body, response, chain));
        } catch (IdempotentRequests.Unkept unkept) {
            answer = unkept.answer();
        } catch (ProblemException refused) {
            // The key reused for another request (422), or still held by a request that runs on (409).
            Problems.write(
                    response, refused.status(), refused.title(), refused.getMessage(), Map.of(), refused.properties());
            return;
        }
        write(answer, response);
    }

    /** The request done once, its answer captured: kept when it succeeded, else given once ({@code Unkept}). */
    private Answer run(HttpServletRequest request, byte[] body, HttpServletResponse response, FilterChain chain) {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new BufferedRequest(request, body), captured);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
        Answer answer = new Answer(
                captured.getStatus(),
                captured.getContentAsByteArray(),
                captured.getHeader(HttpHeaders.LOCATION),
                captured.getContentType());
        if (answer.status() >= 400) throw new IdempotentRequests.Unkept(answer);
        return answer;
    }

    private static void write(Answer answer, HttpServletResponse response) throws IOException {
        response.setStatus(answer.status());
        if (answer.location() != null) response.setHeader(HttpHeaders.LOCATION, answer.location());
        if (answer.body() == null || answer.body().length == 0) return;
        response.setContentType(answer.contentType() == null ? MediaType.APPLICATION_JSON_VALUE : answer.contentType());
        byte[] bytes = answer.body();
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static String sha256(String value) {
        return HexFormat.of().formatHex(digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
