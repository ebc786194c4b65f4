package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class TableAuthorizationTest {

    private final TableAuthorization table =
            new TableAuthorization(ApiRoutes.TABLE, SecurityConfiguration.roleHierarchy());

    @Test
    void decidesEveryCellOfTheTableAsItsRowsReadOneByOneDo() {
        // Every row as concrete requests (each pattern at its shortest and deeper, each method it names or four),
        // for every role. ApiRoutes.allows reads the table row by row with another matcher (Ant-style paths).
        List<String> disagreements = new ArrayList<>();
        int cells = 0;
        for (ApiRoutes.Route route : ApiRoutes.TABLE) {
            List<String> methods = route.method() == null
                    ? List.of("GET", "POST", "PUT", "DELETE")
                    : List.of(route.method().name());
            for (String pattern : route.patterns()) {
                for (String path : List.of(
                        pattern.replace("/**", "").replace("*", "c-1"),
                        pattern.replace("/**", "/x-1/y-2").replace("*", "c-1"))) {
                    for (String method : methods) {
                        for (String role : Roles.ALL) {
                            cells++;
                            boolean expected = ApiRoutes.allows(HttpMethod.valueOf(method), path, role);
                            if (granted(method, path, as(role)) != expected) {
                                disagreements.add(method + " " + path + " as " + role + ": allowed " + expected);
                            }
                        }
                    }
                }
            }
        }

        assertThat(cells).isGreaterThan(1000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theFirstRowThatMatchesDecides() {
        // A follow-up is a complaint's sub-path: its own row (AGENT) comes before the complaints rows.
        assertThat(granted("POST", "/api/v1/complaints/c-1/follow-up", as(Roles.AGENT)))
                .isTrue();
        assertThat(granted("POST", "/api/v1/complaints/c-1/follow-up", as(Roles.INTEGRATION)))
                .isFalse();
        // Supervisors may approve a proposal; agents, who may do the rest of casework, may not.
        assertThat(granted("POST", "/api/v1/cases/c-1/proposal/approve", as(Roles.AGENT)))
                .isFalse();
        assertThat(granted("POST", "/api/v1/cases/c-1/proposal/approve", as(Roles.SUPERVISOR)))
                .isTrue();
        assertThat(granted("POST", "/api/v1/cases/c-1/acknowledge", as(Roles.AGENT)))
                .isTrue();
    }

    @Test
    void theRoleHierarchyApplies() {
        assertThat(granted("GET", "/api/v1/cases", as(Roles.SUPERVISOR))).isTrue();
        assertThat(granted("GET", "/api/v1/reports/sla", as(Roles.AGENT))).isFalse();
        assertThat(granted("GET", "/api/v1/reports/sla", as(Roles.SUPERVISOR))).isTrue();
    }

    @Test
    void anApiPathNoRowNamesNeedsAValidTokenOnly() {
        assertThat(granted("GET", "/api/v1/nothing-here", as(Roles.METRICS))).isTrue();
        assertThat(granted("GET", "/api/v1/nothing-here", anonymous())).isFalse();
        assertThat(granted("GET", "/api/v1", anonymous())).isFalse();
    }

    @Test
    void theSurveyLinkIsOpenAndItsRowIsOneSegmentLong() {
        assertThat(granted("GET", "/survey/t-1.sig", anonymous())).isTrue();
        assertThat(granted("POST", "/survey/t-1.sig", anonymous())).isTrue();
        assertThat(granted("GET", "/survey/t-1/more", anonymous())).isFalse();
    }

    @Test
    void thePathIsReadWithinTheApplication() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/firebreak/api/v1/reports/sla");
        request.setContextPath("/firebreak");

        assertThat(TableAuthorization.REQUESTS.matches(request)).isTrue();
        assertThat(table.authorize(() -> as(Roles.AGENT), new RequestAuthorizationContext(request))
                        .isGranted())
                .isFalse();
        assertThat(table.authorize(() -> as(Roles.SUPERVISOR), new RequestAuthorizationContext(request))
                        .isGranted())
                .isTrue();
    }

    @Test
    void decidesTheApiAndTheSurveyLinkAndNothingElse() {
        for (String path : List.of("/api/v1", "/api/v1/", "/api/v1/complaints", "/survey/t-1.sig")) {
            assertThat(TableAuthorization.REQUESTS.matches(new MockHttpServletRequest("GET", path)))
                    .as(path)
                    .isTrue();
        }
        for (String path : List.of(
                "/api/v10", "/api/v1x/complaints", "/api-docs/intake", "/actuator/health", "/console/", "/survey")) {
            assertThat(TableAuthorization.REQUESTS.matches(new MockHttpServletRequest("GET", path)))
                    .as(path)
                    .isFalse();
        }
    }

    private boolean granted(String method, String path, Authentication who) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        return table.authorize(() -> who, new RequestAuthorizationContext(request))
                .isGranted();
    }

    private static Authentication as(String role) {
        return new TestingAuthenticationToken("someone", null, "ROLE_" + role);
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken(
                "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }
}
