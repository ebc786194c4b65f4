package io.firebreak.intake.complaint;

import io.firebreak.platform.security.ClientVisibility;
import org.springframework.security.core.Authentication;

/**
 * Who is calling: the token subject ({@code name}), and the client it is if it is a ticketing system only
 * ({@code client}, null for staff), which sees and acts on just the complaints it submitted or that were shared with
 * it (see {@link ClientVisibility}).
 */
record Caller(String name, String client) {

    static Caller of(Authentication authentication) {
        return new Caller(authentication.getName(), ClientVisibility.clientOf(authentication));
    }
}
