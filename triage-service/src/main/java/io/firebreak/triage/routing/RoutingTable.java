package io.firebreak.triage.routing;

import io.firebreak.events.Channel;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.RejectedSettings;
import io.firebreak.platform.text.Lexicon;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is responsible (定位主副责任) as data: the departments with what puts a complaint in their hands (phrases,
 * product reference prefixes, channels), and the roster of people in each with their seniority, skills and capacity.
 * Shipped in {@code triage.yml}, stored in triage's database as versioned tables, replaced by an administrator.
 * Public, as are its parts, because the record codec and the JSON binding read them reflectively.
 *
 * @param defaultQueue the department (a triage queue) of a complaint no department takes
 * @param expertQueue the expert and case-conference queue (专家会诊) of a DIFFICULT complaint no expert can take
 */
public record RoutingTable(
        @NotBlank @Pattern(regexp = NAME, message = NAME_RULE)
        String defaultQueue,

        @NotBlank @Pattern(regexp = NAME, message = NAME_RULE)
        String expertQueue,

        @NotEmpty List<@Valid @NotNull Department> departments,
        List<@Valid @NotNull Person> roster) {

    static final String NAME = "[A-Z][A-Z0-9_]*";
    static final String NAME_RULE = "must be UPPER_SNAKE_CASE";

    public RoutingTable {
        departments = departments == null ? null : List.copyOf(departments);
        roster = roster == null ? List.of() : List.copyOf(roster);
    }

    /**
     * This table as it is stored and compiled: each {@code @name} among a department's phrases and remedies replaced
     * by the lexicon's list of that name (public relations takes the press and posts in public as the rules read them:
     * {@code "@media"}). A stored table is then complete in itself, and a version routes alike whatever the lexicon
     * later becomes. A list the lexicon does not have is refused ({@link RejectedSettings}), naming the department.
     */
    public RoutingTable withLexicon(Lexicon lexicon) {
        if (departments == null) return this;
        List<FieldProblem> problems = new ArrayList<>();
        List<Department> expanded = new ArrayList<>(departments.size());
        for (int i = 0; i < departments.size(); i++) {
            Department d = departments.get(i);
            String at = "departments[" + i + "]";
            expanded.add(new Department(
                    d.name(),
                    written(at + ".phrases", d.phrases(), lexicon, problems),
                    d.productPrefixes(),
                    d.channels(),
                    written(at + ".remedies", d.remedies(), lexicon, problems)));
        }
        if (!problems.isEmpty()) throw new RejectedSettings("routing table", problems);
        return new RoutingTable(defaultQueue, expertQueue, expanded, roster);
    }

    private static List<String> written(
            String field, List<String> phrases, Lexicon lexicon, List<FieldProblem> problems) {
        try {
            return lexicon.expand(phrases);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return phrases;
        }
    }

    /**
     * A department and what routes to it: any phrase in the text (where the fault lies: "charged twice", "broken"),
     * a product reference starting with one of {@code productPrefixes} (case-insensitive), a complaint arriving on one
     * of {@code channels}; and {@code remedies}, what the customer may ask for that the department delivers ("refund",
     * "退货"). A remedy makes a department secondary, not primary: a refund asked for a broken kettle is the product's
     * fault, and billing pays it back; only when no department's fault is named does a remedy decide (before a
     * product reference or a channel).
     */
    public record Department(
            @NotBlank @Pattern(regexp = NAME, message = NAME_RULE)
            String name,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> phrases,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> productPrefixes,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotNull Channel> channels,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> remedies) {

        /** A department routed to by phrases only. */
        public static Department phrases(String name, List<String> phrases) {
            return new Department(name, phrases, null, null, null);
        }
    }

    /**
     * A handler: their department, seniority, skills (languages, "zh", "en") and how many open complaints they can
     * own at once.
     */
    public record Person(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be a lower-case login")
            String id,

            @Size(max = 100) String name,
            @NotBlank String department,
            @NotNull Seniority seniority,
            @NotEmpty List<@NotBlank String> skills,

            @Min(value = 1, message = "must be at least 1") @Max(1000)
            int capacity) {}
}
