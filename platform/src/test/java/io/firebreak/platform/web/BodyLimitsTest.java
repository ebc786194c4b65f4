package io.firebreak.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class BodyLimitsTest {

    private final BodyLimits limits = new BodyLimits(4096, 65536, List.of("/api/v1/triage/rules"));

    @Test
    void aSettingsDocumentsPathTakesTheLargerLimitAndEveryOtherPathTheServices() {
        assertThat(limits.limitFor("/api/v1/triage/rules")).isEqualTo(65536);
        assertThat(limits.limitFor("/api/v1/complaints")).isEqualTo(4096);
        assertThat(limits.limitFor("/api/v1/triage/rules/other")).isEqualTo(4096);
        assertThat(new BodyLimits(4096, 1024, List.of("/x")).limitFor("/x"))
                .as("never smaller than the service's")
                .isEqualTo(4096);
    }

    @Test
    void theFilterRefusesABodyOverThePathsLimitAndLetsALargeSettingsDocumentThrough()
            throws ServletException, IOException {
        BodySizeLimitFilter filter = new BodySizeLimitFilter(limits);
        byte[] body = new byte[20_000];

        MockHttpServletResponse complaint = run(filter, "/api/v1/complaints", body);
        assertThat(complaint.getStatus()).isEqualTo(413);
        assertThat(complaint.getContentAsString()).contains("4096 bytes");

        MockHttpServletResponse rules = run(filter, "/api/v1/triage/rules", body);
        assertThat(rules.getStatus()).isEqualTo(200);

        MockHttpServletResponse tooLarge = run(filter, "/api/v1/triage/rules", new byte[70_000]);
        assertThat(tooLarge.getStatus()).isEqualTo(413);
        assertThat(tooLarge.getContentAsString()).contains("65536 bytes");
    }

    private static MockHttpServletResponse run(BodySizeLimitFilter filter, String path, byte[] body)
            throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("PUT", path);
        request.setContent(body);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
