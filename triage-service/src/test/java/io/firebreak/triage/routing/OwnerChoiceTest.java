package io.firebreak.triage.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.routing.DepartmentRouter.Assignment;
import io.firebreak.triage.routing.DepartmentRouter.Loads;
import io.firebreak.triage.routing.RoutingTable.Person;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerChoiceTest {

    private final DepartmentRouter router = new DepartmentRouter(
            "routing-1",
            new RoutingTable(
                    "TRIAGE",
                    "EXPERTS",
                    List.of(
                            RoutingTable.Department.phrases("BILLING", List.of("refund")),
                            RoutingTable.Department.phrases("LOGISTICS", List.of("parcel"))),
                    List.of(
                            new Person("ann", "Ann", "BILLING", Seniority.AGENT, List.of("zh"), 2),
                            new Person("bob", "Bob", "BILLING", Seniority.AGENT, List.of("zh", "en"), 4),
                            new Person("cai", "Cai", "BILLING", Seniority.SENIOR, List.of("zh", "en"), 2),
                            new Person("dan", "Dan", "BILLING", Seniority.SENIOR, List.of("zh"), 2),
                            new Person("eve", "Eve", "BILLING", Seniority.EXPERT, List.of("zh", "en"), 1),
                            new Person("fay", "Fay", "LOGISTICS", Seniority.AGENT, List.of("zh"), 5))));

    private final Map<String, Integer> open = new HashMap<>();
    private final Loads loads = people -> {
        Map<String, Integer> asked = new HashMap<>();
        for (String p : people) {
            if (open.containsKey(p)) asked.put(p, open.get(p));
        }
        return asked;
    };

    @Test
    void ordinaryComplaintGoesToTheLeastLoadedAgentOfTheDepartment() {
        open.put("ann", 1);
        open.put("bob", 1);

        assertThat(choose(ComplaintClass.ORDINARY, "zh")).isEqualTo(new Assignment("bob", Seniority.AGENT));
    }

    @Test
    void loadIsWeighedAgainstCapacity() {
        open.put("ann", 0);
        open.put("bob", 0);

        assertThat(choose(ComplaintClass.ORDINARY, "zh").owner()).isEqualTo("ann");
        open.put("ann", 1);
        assertThat(choose(ComplaintClass.ORDINARY, "zh").owner()).isEqualTo("bob");
    }

    @Test
    void ownerMustReadTheComplaintsLanguage() {
        assertThat(choose(ComplaintClass.ORDINARY, "en").owner()).isEqualTo("bob");
        assertThat(choose(ComplaintClass.MAJOR, "en").owner()).isEqualTo("cai");
    }

    @Test
    void majorAndEscalatedGoToASeniorNeverAnAgent() {
        open.put("cai", 1);

        assertThat(choose(ComplaintClass.MAJOR, "zh")).isEqualTo(new Assignment("dan", Seniority.SENIOR));
        assertThat(choose(ComplaintClass.ESCALATED, "zh").seniority()).isEqualTo(Seniority.SENIOR);
    }

    @Test
    void seniorsAllFullGivesTheExpertAboveThemRatherThanAnAgent() {
        open.put("cai", 2);
        open.put("dan", 2);

        assertThat(choose(ComplaintClass.MAJOR, "zh")).isEqualTo(new Assignment("eve", Seniority.EXPERT));
    }

    @Test
    void difficultGoesToAnExpertOrElseTheExpertQueue() {
        assertThat(choose(ComplaintClass.DIFFICULT, "zh")).isEqualTo(new Assignment("eve", Seniority.EXPERT));
        open.put("eve", 1);
        assertThat(choose(ComplaintClass.DIFFICULT, "zh")).isEqualTo(new Assignment("queue:EXPERTS", null));
    }

    @Test
    void nobodyFittingGivesTheDepartmentsQueue() {
        open.put("fay", 5);

        assertThat(router.chooseOwner("LOGISTICS", ComplaintClass.ORDINARY, "zh", null, null, loads))
                .isEqualTo(new Assignment("queue:LOGISTICS", null));
        assertThat(router.chooseOwner("LOGISTICS", ComplaintClass.MAJOR, "zh", null, null, loads)
                        .owner())
                .isEqualTo("queue:LOGISTICS");
        assertThat(router.chooseOwner("TRIAGE", ComplaintClass.ORDINARY, "zh", null, null, loads)
                        .owner())
                .isEqualTo("queue:TRIAGE");
    }

    @Test
    void escalationGoesAboveThePreviousOwnerAndNotBackToThem() {
        Seniority above = router.seniorityOf("cai").above();

        assertThat(router.chooseOwner("BILLING", ComplaintClass.ESCALATED, "zh", above, "cai", loads))
                .isEqualTo(new Assignment("eve", Seniority.EXPERT));
        assertThat(router.chooseOwner("BILLING", ComplaintClass.ESCALATED, "zh", Seniority.SENIOR, "cai", loads)
                        .owner())
                .isEqualTo("dan");
        assertThat(router.seniorityOf("queue:BILLING")).isNull();
    }

    @Test
    void loadsAreAskedOnlyForTheCandidates() {
        List<Collection<String>> asked = new ArrayList<>();
        router.chooseOwner("BILLING", ComplaintClass.MAJOR, "en", null, null, people -> {
            asked.add(people);
            return Map.of();
        });

        assertThat(asked).singleElement().satisfies(p -> assertThat(p).containsExactlyInAnyOrder("cai", "eve"));
    }

    private Assignment choose(ComplaintClass complaintClass, String language) {
        return router.chooseOwner("BILLING", complaintClass, language, null, null, loads);
    }
}
