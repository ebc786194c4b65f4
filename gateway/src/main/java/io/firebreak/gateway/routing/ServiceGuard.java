package io.firebreak.gateway.routing;

import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.web.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.net.SocketTimeoutException;
import java.net.URI;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.HandlerFilterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Puts each route behind a resilience4j circuit breaker named after its service. When the service cannot be
 * reached, is failing (circuit open) or is too slow, the fallback answers problem+json naming the service:
 * 503, or 504 for a timeout. The service's own answers, errors included, pass through unchanged.
 */
@Component
class ServiceGuard {

    private static final Logger log = LoggerFactory.getLogger(ServiceGuard.class);

    private final CircuitBreakerFactory<?, ?> breakers;
    private final GatewayProperties properties;

    ServiceGuard(CircuitBreakerFactory<?, ?> breakers, GatewayProperties properties) {
        this.breakers = breakers;
        this.properties = properties;
    }

    HandlerFilterFunction<ServerResponse, ServerResponse> forService(String service) {
        CircuitBreaker breaker = breakers.create(service);
        return (request, next) -> breaker.run(
                () -> {
                    try {
                        return next.handle(request);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                failure -> fallback(service, request, failure));
    }

    ServerResponse fallback(String service, ServerRequest request, Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            long retryAfter = Math.max(1, properties.circuitBreaker().openFor().toSeconds());
            return problem(
                    request,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    service,
                    "Service unavailable",
                    "The " + service + " service is failing; requests to it are held back for a while.",
                    String.valueOf(retryAfter));
        }
        if (isTimeout(failure)) {
            log.warn(
                    "{} did not answer {} {} within {}",
                    service,
                    request.method(),
                    request.path(),
                    properties.routeTimeout());
            return problem(
                    request,
                    HttpStatus.GATEWAY_TIMEOUT,
                    service,
                    "Service timed out",
                    "The " + service + " service did not answer within "
                            + properties.routeTimeout().toMillis() + " ms.",
                    null);
        }
        log.warn(
                "{} cannot be reached for {} {}: {}",
                service,
                request.method(),
                request.path(),
                NestedExceptionUtils.getMostSpecificCause(failure).toString());
        return problem(
                request,
                HttpStatus.SERVICE_UNAVAILABLE,
                service,
                "Service unavailable",
                "The " + service + " service cannot be reached; try again shortly.",
                null);
    }

    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectTimeoutException) return false; // never connected: the service is down
            if (t instanceof SocketTimeoutException) return true;
        }
        return false;
    }

    private static ServerResponse problem(
            ServerRequest request, HttpStatus status, String service, String title, String detail, String retryAfter) {
        ProblemDetail problem = Problems.of(status, title, detail);
        problem.setInstance(URI.create(request.path()));
        problem.setProperty("service", service);
        Problems.localize(problem);
        ServerResponse.BodyBuilder response =
                ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) response.header(HttpHeaders.RETRY_AFTER, retryAfter);
        return response.body(problem);
    }
}
