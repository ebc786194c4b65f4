package io.firebreak.platform.security;

import io.firebreak.platform.web.ProblemException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Which departments' casework a staff member does: the token's {@code departments} claim (department codes, or
 * {@code *} for every department). Agents act on the cases and tasks of their departments, supervisors on those of
 * theirs; either may read every case, since handling one often means reading another department's. A token without
 * the claim does no department's casework (ADMIN configures, it does not handle cases).
 */
public final class StaffScope {

    /** The claim naming the departments. */
    public static final String CLAIM = "departments";
    /** In the claim: every department. */
    public static final String EVERY = "*";

    private StaffScope() {}

    /** The departments the caller works for, upper-case; {@code *} for every one; empty without the claim. */
    public static Set<String> departmentsOf(Authentication caller) {
        if (!(caller instanceof JwtAuthenticationToken jwt)) return Set.of();
        List<String> departments = jwt.getToken().getClaimAsStringList(CLAIM);
        if (departments == null) return Set.of();
        return departments.stream()
                .filter(d -> d != null && !d.isBlank())
                .map(d -> d.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the caller works for {@code department} (a case's or a task's). */
    public static boolean covers(Authentication caller, String department) {
        Set<String> departments = departmentsOf(caller);
        return departments.contains(EVERY)
                || department != null && departments.contains(department.strip().toUpperCase(Locale.ROOT));
    }

    /** Unless the caller works for {@code department}: 403, naming the department and what was refused. */
    public static void require(Authentication caller, String department, String what) {
        if (covers(caller, department)) return;
        throw new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "Forbidden",
                        "You may " + what + " only for your own"
                                + " departments ("
                                + String.join(
                                        ", ",
                                        departmentsOf(caller).stream().sorted().toList())
                                + "); this belongs to " + department + ".")
                .with("department", department);
    }
}
