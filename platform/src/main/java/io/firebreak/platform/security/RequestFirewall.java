package io.firebreak.platform.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its header and parameter checks written as loops. The default checks are
 * regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, a tab allowed in header values) run on every
 * read of a header: a bearer token of a few hundred characters went through a chain of character predicates each
 * time (a tenth of the request threads' profile samples, though no gain the benchmark could show). What is allowed
 * is the same: in header names, header values and parameter names every assigned code point but control characters
 * (a tab in a header value); parameter values keep Spring's default (any).
 */
final class RequestFirewall {

    private RequestFirewall() {}

    static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestFirewall::isAssignedWithoutControls);
        firewall.setAllowedHeaderValues(RequestFirewall::isHeaderValue);
        firewall.setAllowedParameterNames(RequestFirewall::isAssignedWithoutControls);
        return firewall;
    }

    /** Every code point assigned, none a control character. */
    static boolean isAssignedWithoutControls(String value) {
        return allowed(value, false);
    }

    /** As {@link #isAssignedWithoutControls}, a tab allowed. */
    static boolean isHeaderValue(String value) {
        return allowed(value, true);
    }

    private static boolean allowed(String value, boolean tab) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7F) { // printable ASCII, nearly every character of a header
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t')))
                return false;
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
