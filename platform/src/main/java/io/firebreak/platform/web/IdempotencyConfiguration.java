package io.firebreak.platform.web;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.PlatformProperties;
import io.firebreak.platform.mongo.MongoConfiguration;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * {@code Idempotency-Key} for every POST of a service with a database: {@link IdempotencyFilter} after Spring
 * Security's filters (the client is known), its answers kept in the service's own database.
 */
@AutoConfiguration(after = MongoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(MongoDatabase.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class IdempotencyConfiguration {

    /** After Spring Security's filter chain (order -100), before the dispatcher. */
    static final int ORDER = 0;

    @Bean
    IdempotentRequests idempotentRequests(MongoDatabase database, Clock clock, PlatformProperties properties) {
        return new IdempotentRequests(database, clock, properties.http().idempotency());
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotentRequests requests, PlatformProperties properties) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter(
                requests,
                properties.http().idempotency().paths(),
                properties.http().idempotency().keptByEndpoint()));
        registration.setOrder(ORDER);
        return registration;
    }
}
