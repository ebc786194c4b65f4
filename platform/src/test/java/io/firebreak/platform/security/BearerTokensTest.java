package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudCJ9.c2lnbmF0dXJlLXBhcnQ_-~+/";

    @Test
    void theTokenOfABearerHeaderInAnyCase() {
        assertThat(BearerTokens.fromHeader("Bearer " + JWT)).isEqualTo(JWT);
        assertThat(BearerTokens.fromHeader("bearer " + JWT)).isEqualTo(JWT);
        assertThat(BearerTokens.fromHeader("BEARER abc==")).isEqualTo("abc==");
    }

    @Test
    void noHeaderOrAnotherSchemeIsNoToken() {
        assertThat(BearerTokens.fromHeader(null)).isNull();
        assertThat(BearerTokens.fromHeader("Basic dXNlcjpwYXNz")).isNull();
    }

    @Test
    void aMalformedBearerHeaderIsRefusedAsAnInvalidToken() {
        for (String header : new String[] {
            "Bearer",
            "Bearer ",
            "Bearer  abc",
            "Bearerabc",
            "Bearer abc def",
            "Bearer abc=def",
            "Bearer ====",
            "Bearer abc\u00e9",
            "Bearer abc\n"
        }) {
            assertThatThrownBy(() -> BearerTokens.fromHeader(header))
                    .as(header)
                    .isInstanceOfSatisfying(
                            OAuth2AuthenticationException.class,
                            e -> assertThat(e.getError().getErrorCode()).isEqualTo("invalid_token"));
        }
    }

    @Test
    void itAcceptsAndRefusesWhatSpringSecuritysDefaultResolverDoes() {
        DefaultBearerTokenResolver spring = new DefaultBearerTokenResolver();
        BearerTokens ours = new BearerTokens();
        for (String header : new String[] {
            null,
            "Bearer " + JWT,
            "bearer x",
            "Bearer",
            "Bearer ",
            "Bearer  a",
            "Bearer a b",
            "Bearer a=b",
            "Bearer a=",
            "Bearer ==",
            "Token abc",
            "Bearerx abc",
            "Bearer a\u00e9",
            "Bearer a\n",
            "Bearer a\t"
        }) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/complaints");
            if (header != null) request.addHeader("Authorization", header);
            request.setParameter("access_token", "from-the-query");
            assertThat(outcome(() -> ours.resolve(request)))
                    .as(String.valueOf(header))
                    .isEqualTo(outcome(() -> spring.resolve(request)));
        }
    }

    private static String outcome(java.util.function.Supplier<String> resolve) {
        try {
            return "token " + resolve.get();
        } catch (OAuth2AuthenticationException e) {
            return "refused " + e.getError().getErrorCode();
        }
    }
}
