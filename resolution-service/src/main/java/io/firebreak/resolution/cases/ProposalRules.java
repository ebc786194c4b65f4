package io.firebreak.resolution.cases;

import io.firebreak.events.RemedyType;
import io.firebreak.events.ResolutionEvents.ProposalStep;
import io.firebreak.events.ResolutionEvents.Remedy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What makes a proposal acceptable (不要让我想: a numbered path with who does what by when), how much money it may
 * offer at all, and when the money it offers needs a supervisor's approval first. Every remedy with an amount is
 * money (a refund, a compensation, a goodwill gesture): each counts, summed per currency.
 */
final class ProposalRules {

    static final int MAX_STEPS = 10;
    static final int MAX_REMEDIES = 10;
    /** A remedy's amount: up to a trillion in any currency, to a ten-thousandth of its unit. */
    static final int MAX_AMOUNT_DIGITS = 12;

    static final int MAX_AMOUNT_DECIMALS = 4;
    static final int MAX_TEXT = 1000;
    static final Set<RemedyType> AMOUNT_REQUIRED = EnumSet.of(RemedyType.REFUND, RemedyType.COMPENSATION);
    static final Set<RemedyType> AMOUNT_FORBIDDEN = EnumSet.of(RemedyType.APOLOGY, RemedyType.EXPLANATION);

    private ProposalRules() {}

    /** One step as an agent writes it; numbered when accepted. */
    record StepInput(String what, String who, Instant by) {}

    /** One remedy as an agent writes it. */
    record RemedyInput(RemedyType type, BigDecimal amount, String currency) {}

    /** A field and what is wrong with it. */
    record FieldError(String field, String reason) {}

    /**
     * Every problem of the proposal, each naming its field; empty when it is acceptable. {@code ceilings}: per
     * currency, the most money one proposal may offer, with or without approval; a currency without one may not be
     * offered.
     */
    static List<FieldError> validate(
            List<StepInput> steps, List<RemedyInput> remedies, Instant now, Map<String, BigDecimal> ceilings) {
        List<FieldError> errors = new ArrayList<>();
        if (steps == null || steps.isEmpty() || steps.size() > MAX_STEPS) {
            errors.add(new FieldError("steps", "must hold 1 to " + MAX_STEPS + " steps"));
        } else {
            for (int i = 0; i < steps.size(); i++) {
                StepInput step = steps.get(i);
                String at = "steps[" + i + "]";
                if (step == null) {
                    errors.add(new FieldError(at, "must not be null"));
                    continue;
                }
                text(errors, at + ".what", step.what());
                text(errors, at + ".who", step.who());
                if (step.by() == null) {
                    errors.add(new FieldError(at + ".by", "must be an ISO-8601 time"));
                } else if (step.by().isBefore(now)) {
                    errors.add(new FieldError(at + ".by", "must not be in the past"));
                }
            }
        }
        if (remedies == null || remedies.isEmpty() || remedies.size() > MAX_REMEDIES) {
            errors.add(new FieldError("remedies", "must hold 1 to " + MAX_REMEDIES + " remedies"));
        } else {
            for (int i = 0; i < remedies.size(); i++) {
                remedy(errors, "remedies[" + i + "]", remedies.get(i));
            }
            if (errors.isEmpty()) {
                totals(remedies(remedies)).forEach((currency, total) -> {
                    BigDecimal ceiling = ceilings.get(currency);
                    if (ceiling == null) {
                        errors.add(new FieldError(
                                "remedies",
                                "no ceiling is set for " + currency + ": money in it"
                                        + " cannot be offered until an administrator sets one"));
                    } else if (total.compareTo(ceiling) > 0) {
                        errors.add(new FieldError(
                                "remedies",
                                "offer " + total.toPlainString() + " " + currency
                                        + " in all, more than the most anyone may offer (" + ceiling.toPlainString()
                                        + " "
                                        + currency + ")"));
                    }
                });
            }
        }
        return errors;
    }

    /** The steps numbered 1, 2, 3… in the order given. */
    static List<ProposalStep> number(List<StepInput> steps) {
        List<ProposalStep> numbered = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepInput step = steps.get(i);
            numbered.add(new ProposalStep(i + 1, step.what().strip(), step.who().strip(), step.by()));
        }
        return numbered;
    }

    static List<Remedy> remedies(List<RemedyInput> remedies) {
        return remedies.stream()
                .map(r -> new Remedy(r.type(), r.amount(), r.currency()))
                .toList();
    }

    /**
     * Whether the money offered in one currency, every remedy with an amount summed (so neither splitting it nor
     * calling it a refund or a gesture avoids approval), is above that currency's limit; a currency without a limit
     * always needs approval.
     */
    static boolean needsApproval(List<Remedy> remedies, Map<String, BigDecimal> limits) {
        for (Map.Entry<String, BigDecimal> total : totals(remedies).entrySet()) {
            BigDecimal limit = limits.get(total.getKey());
            if (limit == null || total.getValue().compareTo(limit) > 0) return true;
        }
        return false;
    }

    /** The money offered, per currency. */
    private static Map<String, BigDecimal> totals(List<Remedy> remedies) {
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (Remedy remedy : remedies) {
            if (remedy.amount() != null) totals.merge(remedy.currency(), remedy.amount(), BigDecimal::add);
        }
        return totals;
    }

    private static void remedy(List<FieldError> errors, String at, RemedyInput remedy) {
        if (remedy == null) {
            errors.add(new FieldError(at, "must not be null"));
            return;
        }
        if (remedy.type() == null) {
            errors.add(new FieldError(at + ".type", "must be one of " + List.of(RemedyType.values())));
            return;
        }
        if (AMOUNT_REQUIRED.contains(remedy.type()) && remedy.amount() == null) {
            errors.add(new FieldError(at + ".amount", "is required for " + remedy.type()));
        }
        if (AMOUNT_FORBIDDEN.contains(remedy.type()) && (remedy.amount() != null || remedy.currency() != null)) {
            errors.add(new FieldError(at + ".amount", "must be absent for " + remedy.type()));
            return;
        }
        if (remedy.amount() != null) {
            // Before anything adds it up: 1E+3000000 is a short number and a sum of three million digits.
            BigDecimal amount = remedy.amount();
            if (amount.precision() - amount.scale() > MAX_AMOUNT_DIGITS || amount.scale() > MAX_AMOUNT_DECIMALS) {
                errors.add(new FieldError(
                        at + ".amount",
                        "must have at most " + MAX_AMOUNT_DIGITS + " digits before the decimal point and "
                                + MAX_AMOUNT_DECIMALS + " after"));
                return;
            }
            if (remedy.amount().signum() <= 0) errors.add(new FieldError(at + ".amount", "must be positive"));
            if (remedy.currency() == null || !remedy.currency().matches("[A-Z]{3}")) {
                errors.add(new FieldError(at + ".currency", "must be an ISO 4217 code (e.g. CNY) with an amount"));
            }
        } else if (remedy.currency() != null) {
            errors.add(new FieldError(at + ".currency", "must be absent without an amount"));
        }
    }

    private static void text(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT) {
            errors.add(new FieldError(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    /** Whether a step is the customer's to do (who: the customer), so not a promise of ours. */
    static boolean customersStep(ProposalStep step) {
        String who = step.who() == null ? "" : step.who().strip().toLowerCase(java.util.Locale.ROOT);
        return who.equals("customer") || who.equals("the customer") || who.equals("客户") || who.equals("顾客");
    }
}
