package io.firebreak.resolution.cases;

import java.util.Set;

/** A command the case's current state does not allow (answered 409, naming the state). */
class IllegalTransitionException extends RuntimeException {

    private final CaseState current;

    IllegalTransitionException(String complaintId, String action, CaseState current, Set<CaseState> allowedFrom) {
        super("Case " + complaintId + " is " + current + ": it can be " + action + " only when "
                + String.join(" or ", allowedFrom.stream().map(Enum::name).sorted().toList()) + ".");
        this.current = current;
    }

    CaseState current() {
        return current;
    }
}
