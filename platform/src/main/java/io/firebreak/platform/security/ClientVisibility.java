package io.firebreak.platform.security;

import com.mongodb.client.model.Filters;
import java.util.Collection;
import org.bson.conversions.Bson;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The one rule for which complaints a ticketing system sees: a caller holding only the INTEGRATION role is a
 * client, named by its token's subject, and sees the complaints it submitted and those shared with it; staff (AGENT,
 * SUPERVISOR, ADMIN) see every complaint. A complaint records its submitter ({@code submittedBy}) only when a client
 * submitted it, never a staff member, so that a client whose name equals a staff login sees nothing of that
 * person's.
 */
public final class ClientVisibility {

    /** The stored fields the rule reads: the submitting client, and the clients it was shared with. */
    public static final String SUBMITTED_BY = "submittedBy";

    public static final String SHARED_WITH = "sharedWith";

    private ClientVisibility() {}

    /** The client the caller is, if it is one (INTEGRATION and no staff role); null for staff. */
    public static String clientOf(Authentication caller) {
        boolean integration = false;
        for (GrantedAuthority authority : caller.getAuthorities()) {
            String role = authority.getAuthority();
            if (role.equals("ROLE_" + Roles.INTEGRATION)) {
                integration = true;
            } else if (role.equals("ROLE_" + Roles.AGENT)
                    || role.equals("ROLE_" + Roles.SUPERVISOR)
                    || role.equals("ROLE_" + Roles.ADMIN)) {
                return null;
            }
        }
        return integration ? caller.getName() : null;
    }

    /** Whether {@code client} (null: staff) may see a complaint so submitted and shared. */
    public static boolean visibleTo(String client, String submittedBy, Collection<String> sharedWith) {
        return client == null || client.equals(submittedBy) || sharedWith != null && sharedWith.contains(client);
    }

    /** The query for the complaints {@code client} may see, over documents with the two fields above. */
    public static Bson filter(String client) {
        return Filters.or(Filters.eq(SUBMITTED_BY, client), Filters.eq(SHARED_WITH, client));
    }
}
