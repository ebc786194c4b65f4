package io.firebreak.resolution.cases;

import io.firebreak.events.CaseState;
import java.util.Set;

/** A command the case's current state does not allow (answered 409, naming the state). */
class IllegalTransitionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final CaseState current;

    IllegalTransitionException(String complaintId, String action, CaseState current, Set<CaseState> allowedFrom) {
        super("Case " + complaintId + " is " + current + ": it can be " + action + " only when "
                + String.join(
                        " or ", allowedFrom.stream().map(Enum::name).sorted().toList()) + ".");
        this.current = current;
    }

    /** The state allows the command in general, but not what the case holds: {@code why} says what is missing. */
    IllegalTransitionException(String complaintId, CaseState current, String why) {
        super("Case " + complaintId + " is " + current + ": " + why + ".");
        this.current = current;
    }

    CaseState current() {
        return current;
    }
}
