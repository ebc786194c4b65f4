package io.firebreak.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.routing.RoutingTable.Department;
import io.firebreak.triage.routing.RoutingTable.Person;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingTableCheckTest {

    private static final RoutingTable SHIPPED = Shipped.properties().routing();

    @Test
    void shippedTableHasNoProblem() {
        assertThat(RoutingTableCheck.problems(SHIPPED)).isEmpty();
        assertThat(SHIPPED.roster()).extracting(Person::seniority).contains(Seniority.values());
    }

    @Test
    void duplicateOrIdleDepartmentsAreRefused() {
        List<Department> departments = new ArrayList<>(SHIPPED.departments());
        departments.add(Department.phrases("BILLING", List.of("bill")));
        departments.add(new Department("IDLE", null, null, null, null));
        departments.add(Department.phrases("EMPTY", List.of()));
        int at = SHIPPED.departments().size();

        assertThat(RoutingTableCheck.problems(new RoutingTable("TRIAGE", "EXPERTS", departments, SHIPPED.roster())))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "departments[" + at + "].name",
                        "departments[" + (at + 1) + "]",
                        "departments[" + (at + 2) + "].phrases");
    }

    @Test
    void peopleMustBeInAKnownDepartmentWithAUniqueLoginAndSomeCapacity() {
        List<Person> roster = new ArrayList<>(SHIPPED.roster());
        roster.add(new Person("li.na", null, "BILLING", Seniority.AGENT, List.of("zh"), 3));
        roster.add(new Person("new.one", null, "NOWHERE", Seniority.AGENT, List.of("zh"), 3));
        roster.add(new Person("lazy.one", null, "BILLING", Seniority.AGENT, List.of("zh"), 0));
        roster.add(new Person("mute.one", null, "BILLING", null, List.of(), 3));
        int at = SHIPPED.roster().size();

        assertThat(RoutingTableCheck.problems(new RoutingTable("TRIAGE", "EXPERTS", SHIPPED.departments(), roster)))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "roster[" + at + "].id",
                        "roster[" + (at + 1) + "].department",
                        "roster[" + (at + 2) + "].capacity",
                        "roster[" + (at + 3) + "].seniority",
                        "roster[" + (at + 3) + "].skills");
    }

    @Test
    void theDefaultQueueIsADepartmentPeopleMayBelongTo() {
        assertThat(SHIPPED.roster()).extracting(Person::department).contains(SHIPPED.defaultQueue());
    }

    @Test
    void namesAndQueuesMustBeUpperSnakeCase() {
        assertThat(RoutingTableCheck.problems(new RoutingTable("triage", " ", SHIPPED.departments(), List.of())))
                .extracting(FieldProblem::field)
                .contains("defaultQueue", "expertQueue");
    }
}
