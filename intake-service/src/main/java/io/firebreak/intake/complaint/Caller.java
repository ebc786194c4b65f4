package io.firebreak.intake.complaint;

import io.firebreak.platform.security.Roles;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling: the token subject, and whether it is an integration client only (a ticketing system), which sees
 * and acts on just the complaints it submitted or that were shared with it.
 */
record Caller(String client, boolean integrationOnly) {

    static Caller of(Authentication authentication) {
        Set<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean staff = roles.contains("ROLE_" + Roles.AGENT) || roles.contains("ROLE_" + Roles.SUPERVISOR)
                || roles.contains("ROLE_" + Roles.ADMIN);
        return new Caller(authentication.getName(), !staff && roles.contains("ROLE_" + Roles.INTEGRATION));
    }

    /** The client whose view limits what this caller sees, or null when it sees every complaint. */
    String visibleTo() {
        return integrationOnly ? client : null;
    }
}
