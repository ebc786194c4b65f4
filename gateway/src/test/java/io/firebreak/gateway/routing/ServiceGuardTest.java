package io.firebreak.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** How the fallback answers each kind of failure. */
class ServiceGuardTest {

    final GatewayProperties properties = new GatewayProperties(
            new GatewayProperties.Services(
                    URI.create("http://localhost:1"),
                    URI.create("http://localhost:2"),
                    URI.create("http://localhost:3"),
                    URI.create("http://localhost:4")),
            Duration.ofSeconds(3),
            Duration.ofSeconds(1),
            new GatewayProperties.RateLimit(10, 20),
            65536,
            new GatewayProperties.CircuitBreaker(50, 10, 20, Duration.ofSeconds(15)),
            new GatewayProperties.Health(true, Duration.ofSeconds(2)),
            new GatewayProperties.Alerts(
                    200, Duration.ofSeconds(15), Duration.ofMinutes(30), 5, 1000, Duration.ofMillis(250)),
            new GatewayProperties.Webhooks(
                    Duration.ofMillis(500),
                    4,
                    2,
                    100,
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5),
                    new GatewayProperties.Backoff(Duration.ofSeconds(1), 2.0, Duration.ofMinutes(1), 0.2),
                    new GatewayProperties.CircuitBreaker(50, 5, 10, Duration.ofSeconds(10)),
                    Duration.ofHours(24),
                    200,
                    50,
                    false,
                    false,
                    Duration.ofHours(24),
                    null,
                    Duration.ofDays(30)));
    final ServiceGuard guard = new ServiceGuard(
            new Resilience4JCircuitBreakerFactory(
                    CircuitBreakerRegistry.ofDefaults(), TimeLimiterRegistry.ofDefaults(), null),
            properties);
    final ServerRequest request =
            ServerRequest.create(new MockHttpServletRequest("GET", "/api/v1/cases/c-1"), List.of());

    @Test
    void aRefusedConnectionIs503NamingTheService() {
        ServerResponse response =
                guard.fallback("resolution", request, new ResourceAccessException("I/O error", new ConnectException()));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        ProblemDetail problem = problem(response);
        assertThat(problem.getProperties()).containsEntry("service", "resolution");
        assertThat(problem.getInstance()).hasToString("/api/v1/cases/c-1");
        assertThat(response.headers().getFirst("Retry-After")).isNull();
    }

    @Test
    void aConnectTimeoutIs503ButAnAnswerTimeoutIs504() {
        ServerResponse connect = guard.fallback(
                "triage",
                request,
                new ResourceAccessException(
                        "I/O error", new ConnectTimeoutException("Connect to http://localhost:8082 timed out")));
        ServerResponse answer = guard.fallback(
                "triage",
                request,
                new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out")));

        assertThat(connect.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.statusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(problem(answer).getDetail()).contains("3000 ms");
    }

    @Test
    void anOpenCircuitIs503WithRetryAfter() {
        CircuitBreaker breaker = CircuitBreaker.ofDefaults("intake");
        breaker.transitionToOpenState();

        ServerResponse response =
                guard.fallback("intake", request, CallNotPermittedException.createCallNotPermittedException(breaker));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("15");
        assertThat(problem(response).getDetail()).contains("intake").contains("held back");
    }

    @Test
    void anyOtherFailureIs503() {
        ServerResponse response = guard.fallback("feedback", request, new IllegalStateException(new IOException()));

        assertThat(response.statusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @SuppressWarnings("unchecked")
    private static ProblemDetail problem(ServerResponse response) {
        return ((EntityResponse<ProblemDetail>) response).entity();
    }
}
