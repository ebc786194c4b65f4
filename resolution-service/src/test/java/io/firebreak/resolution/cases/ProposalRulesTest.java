package io.firebreak.resolution.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import io.firebreak.resolution.cases.ProposalRules.FieldError;
import io.firebreak.resolution.cases.ProposalRules.RemedyInput;
import io.firebreak.resolution.cases.ProposalRules.StepInput;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposalRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final StepInput STEP = new StepInput("Refund the order", "BILLING", NOW.plusSeconds(3600));
    private static final RemedyInput APOLOGY = new RemedyInput(RemedyType.APOLOGY, null, null);
    private static final Map<String, BigDecimal> LIMITS = Map.of("CNY", new BigDecimal("1000"));
    private static final Map<String, BigDecimal> CEILINGS = Map.of("CNY", new BigDecimal("50000"));

    @Test
    void aPlanOfStepsAndRemediesIsAcceptableAndNumberedFromOne() {
        List<StepInput> steps = List.of(STEP, new StepInput("Call back", "agent-1", NOW.plusSeconds(7200)));

        assertThat(ProposalRules.validate(steps, List.of(APOLOGY), NOW, CEILINGS))
                .isEmpty();
        assertThat(ProposalRules.number(steps)).extracting(ProposalStep::number).containsExactly(1, 2);
    }

    @Test
    void noStepsOrMoreThanTenAreRejected() {
        assertThat(fields(ProposalRules.validate(List.of(), List.of(APOLOGY), NOW, CEILINGS)))
                .containsExactly("steps");
        assertThat(fields(ProposalRules.validate(Collections.nCopies(11, STEP), List.of(APOLOGY), NOW, CEILINGS)))
                .containsExactly("steps");
        assertThat(ProposalRules.validate(Collections.nCopies(10, STEP), List.of(APOLOGY), NOW, CEILINGS))
                .isEmpty();
    }

    @Test
    void eachStepNeedsWhatWhoAndAFutureTime() {
        List<FieldError> errors = ProposalRules.validate(
                List.of(STEP, new StepInput(" ", null, NOW.minusSeconds(1)), new StepInput("x", "y", null)),
                List.of(APOLOGY),
                NOW,
                CEILINGS);

        assertThat(fields(errors)).containsExactly("steps[1].what", "steps[1].who", "steps[1].by", "steps[2].by");
    }

    @Test
    void refundAndCompensationNeedAnAmountWithACurrency() {
        List<FieldError> errors = ProposalRules.validate(
                List.of(STEP),
                List.of(
                        new RemedyInput(RemedyType.REFUND, null, null),
                        new RemedyInput(RemedyType.COMPENSATION, new BigDecimal("50"), null),
                        new RemedyInput(RemedyType.REFUND, new BigDecimal("-1"), "CNY")),
                NOW,
                CEILINGS);

        assertThat(fields(errors)).containsExactly("remedies[0].amount", "remedies[1].currency", "remedies[2].amount");
    }

    @Test
    void anAmountBeyondATrillionOrFinerThanATenThousandthIsRefusedBeforeAnySum() {
        List<FieldError> errors = ProposalRules.validate(
                List.of(STEP),
                List.of(
                        new RemedyInput(RemedyType.COMPENSATION, new BigDecimal("1E+3000000"), "CNY"),
                        new RemedyInput(RemedyType.REFUND, new BigDecimal("1E-3000000"), "CNY"),
                        new RemedyInput(RemedyType.COMPENSATION, new BigDecimal("1000000000000"), "CNY"),
                        new RemedyInput(RemedyType.REFUND, new BigDecimal("999999999999.9999"), "CNY"),
                        new RemedyInput(RemedyType.COMPENSATION, new BigDecimal("5E+2"), "CNY")),
                NOW,
                CEILINGS);

        assertThat(fields(errors)).containsExactly("remedies[0].amount", "remedies[1].amount", "remedies[2].amount");
    }

    @Test
    void apologyAndExplanationCarryNoAmount() {
        List<FieldError> errors = ProposalRules.validate(
                List.of(STEP),
                List.of(
                        new RemedyInput(RemedyType.APOLOGY, BigDecimal.TEN, "CNY"),
                        new RemedyInput(RemedyType.EXPLANATION, BigDecimal.ONE, null),
                        new RemedyInput(RemedyType.REPAIR, null, null)),
                NOW,
                CEILINGS);

        assertThat(fields(errors)).containsExactly("remedies[0].amount", "remedies[1].amount");
    }

    @Test
    void missingRemediesOrTypeAreRejected() {
        assertThat(fields(ProposalRules.validate(List.of(STEP), List.of(), NOW, CEILINGS)))
                .containsExactly("remedies");
        assertThat(fields(ProposalRules.validate(
                        List.of(STEP), List.of(new RemedyInput(null, null, null)), NOW, CEILINGS)))
                .containsExactly("remedies[0].type");
    }

    @Test
    void compensationAboveTheCurrencyLimitNeedsApproval() {
        assertThat(ProposalRules.needsApproval(List.of(compensation("1000", "CNY")), LIMITS))
                .isFalse();
        assertThat(ProposalRules.needsApproval(List.of(compensation("1000.01", "CNY")), LIMITS))
                .isTrue();
    }

    @Test
    void moneyUnnoticed_aRefundOrAGoodwillGestureAboveTheLimitNeedsApprovalAsACompensationDoes() {
        assertThat(ProposalRules.needsApproval(
                        List.of(new Remedy(RemedyType.REFUND, new BigDecimal("5000"), "CNY")), LIMITS))
                .isTrue();
        assertThat(ProposalRules.needsApproval(
                        List.of(new Remedy(RemedyType.GOODWILL_GESTURE, new BigDecimal("999.99"), "CNY")), LIMITS))
                .isFalse();
        assertThat(ProposalRules.needsApproval(
                        List.of(
                                new Remedy(RemedyType.GOODWILL_GESTURE, new BigDecimal("600"), "CNY"),
                                new Remedy(RemedyType.REFUND, new BigDecimal("600"), "CNY")),
                        LIMITS))
                .as("money of every kind summed")
                .isTrue();
        assertThat(ProposalRules.needsApproval(List.of(new Remedy(RemedyType.REPAIR, null, null)), LIMITS))
                .isFalse();
    }

    @Test
    void moneyWithoutCeiling_moreThanTheCeilingOrACurrencyWithoutOneCannotBeOfferedEvenWithApproval() {
        assertThat(ProposalRules.validate(
                        List.of(STEP),
                        List.of(new RemedyInput(RemedyType.REFUND, new BigDecimal("50000"), "CNY")),
                        NOW,
                        CEILINGS))
                .isEmpty();
        List<FieldError> tooMuch = ProposalRules.validate(
                List.of(STEP),
                List.of(new RemedyInput(RemedyType.REFUND, new BigDecimal("5000000"), "CNY")),
                NOW,
                CEILINGS);
        assertThat(fields(tooMuch)).containsExactly("remedies");
        assertThat(tooMuch.get(0).reason()).contains("50000 CNY");
        assertThat(fields(ProposalRules.validate(
                        List.of(STEP),
                        List.of(
                                new RemedyInput(RemedyType.GOODWILL_GESTURE, new BigDecimal("30000"), "CNY"),
                                new RemedyInput(RemedyType.COMPENSATION, new BigDecimal("30000"), "CNY")),
                        NOW,
                        CEILINGS)))
                .as("summed")
                .containsExactly("remedies");
        List<FieldError> unknown = ProposalRules.validate(
                List.of(STEP),
                List.of(new RemedyInput(RemedyType.GOODWILL_GESTURE, new BigDecimal("1"), "JPY")),
                NOW,
                CEILINGS);
        assertThat(unknown.get(0).reason()).contains("no ceiling is set for JPY");
    }

    @Test
    void compensationSplitInPartsIsSummedAndAnUnlistedCurrencyAlwaysNeedsApproval() {
        assertThat(ProposalRules.needsApproval(List.of(compensation("600", "CNY"), compensation("600", "CNY")), LIMITS))
                .isTrue();
        assertThat(ProposalRules.needsApproval(List.of(compensation("1", "JPY")), LIMITS))
                .isTrue();
    }

    private static Remedy compensation(String amount, String currency) {
        return new Remedy(RemedyType.COMPENSATION, new BigDecimal(amount), currency);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
