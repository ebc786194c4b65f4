package io.firebreak.triage.routing;

import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.text.PhraseSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything wrong with a routing table, field by field: its constraints, then what they cannot say (a department
 * named twice or routed to by nothing, a person in no department, the same login twice, a phrase that is not one).
 */
public final class RoutingTableCheck {

    private RoutingTableCheck() {}

    public static List<FieldProblem> problems(RoutingTable table) {
        if (table == null) return List.of(new FieldProblem("body", "a routing table is required"));
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.constraintsOf(table));
        Set<String> departments = new HashSet<>();
        if (table.departments() != null) {
            Map<String, Integer> names = new HashMap<>();
            for (int i = 0; i < table.departments().size(); i++) {
                RoutingTable.Department department = table.departments().get(i);
                if (department == null) continue;
                String at = "departments[" + i + "]";
                if (department.name() != null) {
                    departments.add(department.name());
                    Integer first = names.putIfAbsent(department.name(), i);
                    if (first != null) {
                        problems.add(new FieldProblem(
                                at + ".name",
                                "duplicate department '" + department.name() + "' (also departments[" + first + "])"));
                    }
                }
                if (department.phrases() == null
                        && department.productPrefixes() == null
                        && department.channels() == null
                        && department.remedies() == null) {
                    problems.add(new FieldProblem(
                            at, "nothing routes to it: give phrases, productPrefixes, channels or remedies"));
                }
                phrases(problems, at + ".phrases", department.phrases());
                phrases(problems, at + ".remedies", department.remedies());
            }
        }
        if (table.defaultQueue() != null) departments.add(table.defaultQueue());
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < table.roster().size(); i++) {
            RoutingTable.Person person = table.roster().get(i);
            if (person == null) continue;
            String at = "roster[" + i + "]";
            if (person.id() != null) {
                Integer first = ids.putIfAbsent(person.id(), i);
                if (first != null) {
                    problems.add(new FieldProblem(
                            at + ".id", "duplicate person '" + person.id() + "' (also roster[" + first + "])"));
                }
            }
            if (person.department() != null && !departments.contains(person.department())) {
                problems.add(new FieldProblem(
                        at + ".department",
                        "unknown department '" + person.department() + "'; one of "
                                + departments.stream().sorted().toList()));
            }
        }
        return problems;
    }

    private static void phrases(List<FieldProblem> problems, String field, List<String> phrases) {
        if (phrases == null) return;
        for (int j = 0; j < phrases.size(); j++) {
            String phrase = phrases.get(j);
            String problem = phrase == null || phrase.isBlank() ? null : PhraseSet.problemWith(phrase);
            if (problem != null) problems.add(new FieldProblem(field + "[" + j + "]", problem));
        }
    }
}
