package io.firebreak.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.triage.Shipped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetCheckTest {

    private static final RuleSet SHIPPED = Shipped.properties().classification();

    @Test
    void shippedRuleSetHasNoProblem() {
        assertThat(RuleSetCheck.problems(SHIPPED)).isEmpty();
    }

    @Test
    void duplicateNamesAreRefusedNamingBoth() {
        assertThat(problemsWith(RuleSet.Rule.phrases("legal-action", ComplaintClass.MAJOR, List.of("x"))))
                .contains(new FieldProblem(
                        "rules[" + SHIPPED.rules().size() + "].name",
                        "duplicate rule name 'legal-action' (also rules[1])"));
    }

    @Test
    void emptyPhraseListsAndBlankPhrasesAreRefused() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(RuleSet.Rule.phrases("empty", ComplaintClass.MAJOR, List.of())))
                .extracting(FieldProblem::field)
                .contains("rules[" + at + "].phrases");
        assertThat(problemsWith(RuleSet.Rule.phrases("blank", ComplaintClass.MAJOR, List.of("ok", " "))))
                .extracting(FieldProblem::field)
                .contains("rules[" + at + "].phrases[1]");
        assertThat(problemsWith(RuleSet.Rule.phrases("star", ComplaintClass.MAJOR, List.of("*"))))
                .contains(new FieldProblem("rules[" + at + "].phrases[0]", "'*' has nothing to match"));
    }

    @Test
    void aRuleMustRaiseTheClassAndHaveSomethingToFireOn() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(RuleSet.Rule.phrases("meh", ComplaintClass.ORDINARY, List.of("meh"))))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].complaintClass");
        assertThat(problemsWith(new RuleSet.Rule(
                        "idle",
                        ComplaintClass.MAJOR,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "]");
        assertThat(problemsWith(RuleSet.Rule.phrases("no-class", null, List.of("x"))))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].complaintClass");
    }

    @Test
    void anAmountsConditionNeedsAnAmountAndPhrasesThatCompile() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(new RuleSet.Rule(
                        "when-only",
                        ComplaintClass.MAJOR,
                        List.of("x"),
                        null,
                        null,
                        List.of("refund*"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].amountWhen");
        assertThat(problemsWith(new RuleSet.Rule(
                        "when",
                        ComplaintClass.MAJOR,
                        null,
                        null,
                        Map.of("CNY", 5000L),
                        List.of("*"),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].amountWhen[0]");
    }

    @Test
    void badThresholdsAndUnknownCurrenciesAreRefused() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(new RuleSet.Rule(
                        "money",
                        ComplaintClass.MAJOR,
                        null,
                        null,
                        Map.of("CNY", 0L, "XYZ", 5L),
                        null,
                        null,
                        0,
                        null,
                        -1,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "rules[" + at + "].amountAtLeast[CNY]", "rules[" + at + "].amountAtLeast[XYZ]",
                        "rules[" + at + "].earlierComplaintsAtLeast", "rules[" + at + "].departmentsAtLeast");
        assertThat(RuleSetCheck.problems(new RuleSet(
                        new Lexicon.NegationWords(List.of("no"), null, null, null, null, null, 99),
                        SHIPPED.rules(),
                        null)))
                .extracting(FieldProblem::field)
                .containsExactly("negation.window");
    }

    @Test
    void namesMustBeKebabCaseAndNotTheServicesOwn() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(RuleSet.Rule.phrases("Legal Action", ComplaintClass.MAJOR, List.of("x"))))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].name");
        assertThat(problemsWith(RuleSet.Rule.phrases("sla-breached", ComplaintClass.MAJOR, List.of("x"))))
                .extracting(FieldProblem::reason)
                .containsExactly("'sla-breached' is reserved for the service");
    }

    @Test
    void anEmptyOrMissingSetIsRefused() {
        assertThat(RuleSetCheck.problems(new RuleSet(null, List.of(), null)))
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("negation", "rules");
        assertThat(RuleSetCheck.problems(null)).extracting(FieldProblem::field).containsExactly("body");
    }

    @Test
    void allOfNeedsTwoListsEachWithPhrasesThatCompile() {
        int at = SHIPPED.rules().size();

        assertThat(problemsWith(allOf(List.of(List.of("elderly")))))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].allOf");
        assertThat(problemsWith(allOf(List.of(List.of("elderly"), List.of()))))
                .extracting(FieldProblem::field)
                .containsExactly("rules[" + at + "].allOf[1]");
        assertThat(problemsWith(allOf(List.of(List.of("elderly"), List.of("no heating", "*")))))
                .contains(new FieldProblem("rules[" + at + "].allOf[1][1]", "'*' has nothing to match"));
        assertThat(problemsWith(allOf(List.of(List.of("elderly"), List.of("no heating")))))
                .isEmpty();
    }

    private static RuleSet.Rule allOf(List<List<String>> lists) {
        return new RuleSet.Rule(
                "together",
                ComplaintClass.MAJOR,
                null,
                lists,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<FieldProblem> problemsWith(RuleSet.Rule extra) {
        List<RuleSet.Rule> rules = new ArrayList<>(SHIPPED.rules());
        rules.add(extra);
        return RuleSetCheck.problems(new RuleSet(SHIPPED.negation(), rules, null));
    }
}
