package io.firebreak.platform.settings;

import java.util.List;

/** Settings refused, with every field that is wrong; the active version stays. */
public class RejectedSettings extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public RejectedSettings(String what, List<FieldProblem> problems) {
        super(what + " refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
