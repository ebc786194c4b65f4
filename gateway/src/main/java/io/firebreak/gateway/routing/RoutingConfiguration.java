package io.firebreak.gateway.routing;

import static io.firebreak.gateway.GatewayProperties.FEEDBACK;
import static io.firebreak.gateway.GatewayProperties.INTAKE;
import static io.firebreak.gateway.GatewayProperties.RESOLUTION;
import static io.firebreak.gateway.GatewayProperties.TRIAGE;

import io.firebreak.gateway.GatewayProperties;
import io.firebreak.platform.tracing.Spans;
import io.firebreak.platform.tracing.TraceHeaders;
import io.firebreak.platform.web.Correlation;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Arrays;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.filter.XForwardedRequestHeadersFilter;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.servlet.function.support.RouterFunctionMapping;

/**
 * The routes from {@code /api/v1/**} to the services, each behind its own circuit breaker. The more specific
 * follow-up route comes before the complaints route that would otherwise take it. {@code /survey/*} is the one
 * route outside {@code /api/v1}: the customer's survey link (see EdgeRoles).
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(GatewayProperties properties, ServiceGuard guard) {
        GatewayProperties.Services services = properties.services();
        return route(
                        FEEDBACK,
                        services.feedback(),
                        guard,
                        "/api/v1/complaints/*/follow-up",
                        "/api/v1/complaints/*/follow-up/**",
                        "/api/v1/follow-ups",
                        "/api/v1/follow-ups/**",
                        "/api/v1/prevention-actions",
                        "/api/v1/prevention-actions/**",
                        "/api/v1/reports/**",
                        "/survey/*")
                .and(route(
                        INTAKE,
                        services.intake(),
                        guard,
                        "/api/v1/complaints",
                        "/api/v1/complaints/**",
                        "/api/v1/customers",
                        "/api/v1/customers/**"))
                .and(route(TRIAGE, services.triage(), guard, "/api/v1/triage/**"))
                .and(route(
                        RESOLUTION,
                        services.resolution(),
                        guard,
                        "/api/v1/cases",
                        "/api/v1/cases/**",
                        "/api/v1/root-causes",
                        "/api/v1/root-causes/**",
                        "/api/v1/resolution/**"))
                .and(route(RESOLUTION, services.resolution(), guard, "/api/v1/tasks"))
                .and(docs(INTAKE, services.intake(), guard))
                .and(docs(TRIAGE, services.triage(), guard))
                .and(docs(RESOLUTION, services.resolution(), guard))
                .and(docs(FEEDBACK, services.feedback(), guard));
    }

    /** {@code /api-docs/<service>}: the service's OpenAPI document, for the UI at {@code /swagger-ui.html}. */
    private static RouterFunction<ServerResponse> docs(String service, URI uri, ServiceGuard guard) {
        return GatewayRouterFunctions.route(service + "-docs")
                .route(RequestPredicates.GET(DOCS + service), HandlerFunctions.http())
                .before(BeforeFilterFunctions.uri(uri))
                .before(BeforeFilterFunctions.setPath("/v3/api-docs"))
                .filter(guard.forService(service))
                .after(AfterFilterFunctions.removeResponseHeader(Correlation.HEADER))
                .build();
    }

    /** Where the gateway serves each service's OpenAPI document: {@code /api-docs/intake}, … */
    static final String DOCS = "/api-docs/";

    /**
     * The routes to the services are looked up before the gateway's own controllers (alerts, webhooks; no path in
     * common): nearly every request is proxied, and it no longer walks the controllers' mappings first.
     */
    @Bean
    static BeanPostProcessor serviceRoutesFirst() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RouterFunctionMapping mapping) mapping.setOrder(Ordered.HIGHEST_PRECEDENCE);
                return bean;
            }
        };
    }

    /**
     * The gateway's own address to the services, which build their links (a 201's {@code Location}) from
     * {@code X-Forwarded-*}: without it they pointed at their own port. Runs after the gateway has removed the
     * forwarded headers a client sent (it trusts none), so these are the only ones the service sees.
     */
    @Bean
    HttpHeadersFilter.RequestHttpHeadersFilter gatewayAddressForwarded() {
        return new ForwardedGatewayAddress();
    }

    /** Sets X-Forwarded-Proto, -Host and -Port to the address the request reached the gateway at. */
    static final class ForwardedGatewayAddress implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

        @Override
        public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
            HttpServletRequest servlet = request.servletRequest();
            HttpHeaders forwarded = new HttpHeaders();
            forwarded.putAll(headers);
            forwarded.set(XForwardedRequestHeadersFilter.X_FORWARDED_PROTO_HEADER, servlet.getScheme());
            forwarded.set(XForwardedRequestHeadersFilter.X_FORWARDED_HOST_HEADER, servlet.getServerName());
            forwarded.set(
                    XForwardedRequestHeadersFilter.X_FORWARDED_PORT_HEADER, String.valueOf(servlet.getServerPort()));
            return forwarded;
        }

        @Override
        public int getOrder() {
            // After the gateway's removal of what a client sent (order 0).
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * The client the proxy uses: Apache HttpClient's classic one, so that the call runs on the request's own thread
     * (the JDK's client handed every request and answer between its selector and worker threads), over a pool of
     * kept-alive connections per service. Bounded connect and answer times (the socket's read timeout: a slow service is a
     * 504, not a stuck request thread); nothing retried, redirects passed back to the caller, no cookies kept and bodies passed through
     * as they are (no decompression). A connection idle for more than a second is checked before it is used again and
     * closed after {@link #IDLE} idle, before the service closes it from its side (after a minute: PlatformDefaults).
     */
    @Bean
    ClientHttpRequestFactory gatewayClientHttpRequestFactory(GatewayProperties properties) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.routeTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        .build())
                .build();
        CloseableHttpClient client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(IDLE)
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }

    /**
     * The proxy's exchange over {@link #gatewayClientHttpRequestFactory}, without an observation of its own: the
     * request's server observation already times it and is the span the service's work hangs under, and a client
     * observation per proxied call (a second span, a timer and their tags, and the trace context injected through
     * them) was a seventh of the gateway's CPU for a request (bench/results/2026-12-06/gateway-observation/). The
     * service is told the trace by {@link #gatewayTraceContext}.
     */
    @Bean
    RestClientProxyExchange gatewayProxyExchange(
            ClientHttpRequestFactory gatewayClientHttpRequestFactory, GatewayMvcProperties properties) {
        RestClient client = RestClient.builder()
                .requestFactory(gatewayClientHttpRequestFactory)
                .observationRegistry(ObservationRegistry.NOOP)
                .build();
        return new RestClientProxyExchange(client, properties);
    }

    /**
     * The trace as the service is told it: the gateway's span of the request ({@code traceparent}, {@code
     * tracestate}) in place of what the caller sent, so that the service's work hangs under the gateway's span; with
     * no span in scope, the caller's pass through.
     */
    @Bean
    HttpHeadersFilter.RequestHttpHeadersFilter gatewayTraceContext(Spans spans) {
        return new GatewayTraceContext(spans);
    }

    /** Sets {@code traceparent} and {@code tracestate} to the gateway's span of the request. */
    static final class GatewayTraceContext implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

        private final Spans spans;

        GatewayTraceContext(Spans spans) {
            this.spans = spans;
        }

        @Override
        public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
            TraceHeaders trace = spans.current();
            if (trace.isEmpty()) return headers;
            HttpHeaders traced = new HttpHeaders();
            traced.putAll(headers);
            traced.set(TraceHeaders.TRACEPARENT, trace.traceparent());
            if (trace.tracestate() == null) traced.remove(TraceHeaders.TRACESTATE);
            else traced.set(TraceHeaders.TRACESTATE, trace.tracestate());
            return traced;
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * How long a connection to a service may stay idle in the pool. Connections opened for a burst (a collector's
     * pause holds requests back, and they arrive together) are kept for the next one rather than closed and opened
     * again, each time with 96 KB of buffers here and ~40 KB in the service that the young collections copy until they
     * die. Held at 50 complaints/s, with 10 s idle and Tomcat's 100 requests a connection the gateway opened ~1.8
     * connections a second to the services; with 30 s and no such limit (PlatformDefaults), ~1.0, nearly all to intake
     * after a 400 answer (Tomcat closes the connection after one).
     */
    static final TimeValue IDLE = TimeValue.ofSeconds(30);

    /** Connections to the services at most, per service and in all: as many as request threads (Tomcat's 200). */
    private static final int MAX_CONNECTIONS = 200;

    /** One breaker per service; the time limiter is off (see gateway.yml) as the HTTP client's timeout applies. */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> serviceBreakers(GatewayProperties properties) {
        GatewayProperties.CircuitBreaker settings = properties.circuitBreaker();
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(settings.failureRatePercent())
                        .minimumNumberOfCalls(settings.minimumCalls())
                        .slidingWindowSize(settings.slidingWindow())
                        .waitDurationInOpenState(settings.openFor())
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.routeTimeout())
                        .build())
                .build());
    }

    private static RouterFunction<ServerResponse> route(String service, URI uri, ServiceGuard guard, String... paths) {
        RequestPredicate predicate = Arrays.stream(paths)
                .map(RequestPredicates::path)
                .reduce(RequestPredicate::or)
                .orElseThrow();
        return GatewayRouterFunctions.route(service)
                .route(predicate, HandlerFunctions.http())
                .before(BeforeFilterFunctions.uri(uri))
                .filter(guard.forService(service))
                // The gateway has already answered with the request's correlation id (the service echoes the same).
                .after(AfterFilterFunctions.removeResponseHeader(Correlation.HEADER))
                .build();
    }
}
