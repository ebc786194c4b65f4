package io.firebreak.triage.settings;

import io.firebreak.triage.check.FieldProblem;
import java.util.List;

/** A rule set or routing table refused, with every field that is wrong; the active version stays. */
class RejectedSettings extends RuntimeException {

    private final transient List<FieldProblem> problems;

    RejectedSettings(String what, List<FieldProblem> problems) {
        super(what + " refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
