package io.firebreak.triage.routing;

import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Locates primary and secondary responsibility (定位主副责任) by keyword: the first configured department whose
 * phrases appear owns the complaint, any later ones that also appear contribute; none means the default owner.
 */
@Component
public class DepartmentRouter {

    private final String defaultDepartment;
    private final List<CompiledDepartment> departments;

    public DepartmentRouter(TriageProperties properties) {
        this.defaultDepartment = properties.routing().defaultDepartment();
        this.departments = properties.routing().departments().stream()
                .map(d -> new CompiledDepartment(d.name(), new PhraseMatcher(d.phrases())))
                .toList();
    }

    public Responsibility route(String text) {
        List<String> matched = new ArrayList<>();
        for (CompiledDepartment department : departments) {
            if (!department.matcher().find(text).isEmpty()) matched.add(department.name());
        }
        if (matched.isEmpty()) return new Responsibility(defaultDepartment, List.of());
        return new Responsibility(matched.get(0), List.copyOf(matched.subList(1, matched.size())));
    }

    /** The owning department and those that contribute. */
    public record Responsibility(String primaryDepartment, List<String> secondaryDepartments) {}

    private record CompiledDepartment(String name, PhraseMatcher matcher) {}
}
