package io.firebreak.platform.settings;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What is wrong with one field of a kind of settings, named as a client wrote it ({@code rules[2].phrases}), so an
 * administrator sees what to fix and a service refuses a bad set whole.
 */
public record FieldProblem(String field, String reason) {

    private static final Validator VALIDATOR =
            Validation.buildDefaultValidatorFactory().getValidator();

    /** The bean-validation constraints that {@code value} breaks, with the fields named by index. */
    public static List<FieldProblem> constraintsOf(Object value) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(value)) {
            problems.add(new FieldProblem(nameOf(violation.getPropertyPath()), violation.getMessage()));
        }
        problems.sort(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::reason));
        return problems;
    }

    /** "rules[0].phrases[1]", not the validator's "rules[0].phrases[1].&lt;list element&gt;". */
    private static String nameOf(Path path) {
        return path.toString().replaceAll("\\.?<[^>]+>", "");
    }
}
