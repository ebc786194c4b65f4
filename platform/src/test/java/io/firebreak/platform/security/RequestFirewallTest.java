package io.firebreak.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class RequestFirewallTest {

    @Test
    void everyCodePointIsJudgedAsSpringSecuritysDefaultPatternsJudgeIt() {
        List<String> disagreements = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String alone = Character.toString(cp);
            for (String value : new String[] {alone, "Bearer eyJ" + alone + "x"}) {
                String seen = "U+" + Integer.toHexString(cp) + (value.equals(alone) ? "" : " in a token");
                boolean name = RequestFirewall.isAssignedWithoutControls(value);
                if (StrictHttpFirewall.ALLOWED_HEADER_NAMES.test(value) != name) disagreements.add("name " + seen);
                if (StrictHttpFirewall.ALLOWED_PARAMETER_NAMES.test(value) != name) disagreements.add("param " + seen);
                if (StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value) != RequestFirewall.isHeaderValue(value))
                    disagreements.add("header value " + seen);
            }
        }
        // Halves of a character, alone and at either end, as the patterns read them.
        for (String halves : new String[] {"a\uD83D", "\uDE00b", "\uDE00\uD83D"}) {
            if (StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(halves) != RequestFirewall.isHeaderValue(halves))
                disagreements.add("header value " + halves);
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedWhenReadAndATabInAValueIsNot() {
        StrictHttpFirewall firewall = RequestFirewall.strict();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/complaints");
        request.addHeader("Authorization", "Bearer abc\u0007def");
        request.addHeader("X-Note", "one\ttwo");
        request.addHeader("X-Name", "王小明");
        var firewalled = firewall.getFirewalledRequest(request);

        assertThatThrownBy(() -> firewalled.getHeader("Authorization")).isInstanceOf(RequestRejectedException.class);
        assertThat(firewalled.getHeader("X-Note")).isEqualTo("one\ttwo");
        assertThat(firewalled.getHeader("X-Name")).isEqualTo("王小明");
    }
}
