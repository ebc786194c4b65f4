package io.firebreak.triage.classification;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.text.PhraseSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything wrong with a rule set, field by field: its constraints, then what they cannot say (a name used twice,
 * a rule that cannot fire, a phrase that is not one, an unknown currency). A set with any problem is refused whole.
 */
public final class RuleSetCheck {

    /** Currencies an amount threshold may name: those {@link io.firebreak.platform.text.Amounts} recognises. */
    public static final Set<String> CURRENCIES = Set.of("CNY", "USD", "EUR", "GBP", "HKD");

    /** Names the service gives reasons of its own; a rule may not take them. */
    public static final Set<String> RESERVED = Set.of(
            Classifier.NO_RULE_FIRED, "reopened-after-follow-up", "sla-breached", "emotion-rose", "proposal-rejected");

    private RuleSetCheck() {}

    public static List<FieldProblem> problems(RuleSet set) {
        if (set == null) return List.of(new FieldProblem("body", "a rule set is required"));
        List<FieldProblem> problems = new ArrayList<>(FieldProblem.constraintsOf(set));
        if (set.negation() != null) {
            phrases(problems, "negation.cues", set.negation().cues());
            phrases(problems, "negation.after", set.negation().after());
            phrases(problems, "negation.ignore", set.negation().ignore());
            phrases(problems, "negation.boundaries", set.negation().boundaries());
            phrases(problems, "negation.conditionals", set.negation().conditionals());
            phrases(problems, "negation.hedges", set.negation().hedges());
        }
        phrases(problems, "senses", set.senses());
        if (set.rules() == null) return problems;
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < set.rules().size(); i++) {
            RuleSet.Rule rule = set.rules().get(i);
            if (rule == null) continue;
            String at = "rules[" + i + "]";
            if (rule.name() != null) {
                Integer first = names.putIfAbsent(rule.name(), i);
                if (first != null) {
                    problems.add(new FieldProblem(
                            at + ".name", "duplicate rule name '" + rule.name() + "' (also rules[" + first + "])"));
                }
                if (RESERVED.contains(rule.name())) {
                    problems.add(new FieldProblem(at + ".name", "'" + rule.name() + "' is reserved for the service"));
                }
            }
            if (rule.complaintClass() == ComplaintClass.ORDINARY) {
                problems.add(new FieldProblem(
                        at + ".complaintClass", "ORDINARY is what no rule firing means; a rule must raise the class"));
            }
            boolean triggers = rule.phrases() != null
                    || rule.allOf() != null
                    || rule.amountAtLeast() != null
                    || rule.earlierComplaintsAtLeast() != null
                    || rule.stages() != null
                    || rule.departmentsAtLeast() != null
                    || rule.firesWhenUnrouted()
                    || rule.firesWhenPartiesPoint()
                    || rule.firesWhenContactsCounted()
                    || rule.firesWhenManyCounted()
                    || rule.firesWhenAccountsDisputed()
                    || rule.firesWhenDemandOutOfProportion()
                    || rule.firesWhenPolicySilent()
                    || rule.firesWhenDataExposed()
                    || rule.firesWhenBodyHarmed()
                    || rule.firesWhenReportedOutside()
                    || rule.firesWhenPaymentsUnauthorised();
            if (!triggers) {
                problems.add(new FieldProblem(
                        at,
                        "has nothing to fire on: give phrases, allOf, amountAtLeast, "
                                + "earlierComplaintsAtLeast, stages, departmentsAtLeast, unrouted, "
                                + "partiesPointAtEachOther, contactsCounted, manyCounted, accountsDisputed, "
                                + "demandOutOfProportion, policySilent, dataExposed, bodyHarmed, reportedOutside or "
                                + "paymentsUnauthorised"));
            }
            phrases(problems, at + ".phrases", rule.phrases());
            if (rule.allOf() != null) {
                for (int k = 0; k < rule.allOf().size(); k++) {
                    phrases(problems, at + ".allOf[" + k + "]", rule.allOf().get(k));
                }
            }
            phrases(problems, at + ".amountWhen", rule.amountWhen());
            if (rule.amountWhen() != null && rule.amountAtLeast() == null) {
                problems.add(new FieldProblem(at + ".amountWhen", "says when an amount counts: give amountAtLeast"));
            }
            phrases(problems, at + ".amountPriced", rule.amountPriced());
            if (rule.amountPriced() != null && rule.amountAtLeast() == null) {
                problems.add(
                        new FieldProblem(at + ".amountPriced", "says when an amount is a price: give amountAtLeast"));
            }
            if (rule.amountAtLeast() != null) {
                for (String currency : rule.amountAtLeast().keySet()) {
                    if (currency != null && !CURRENCIES.contains(currency)) {
                        problems.add(new FieldProblem(
                                at + ".amountAtLeast[" + currency + "]",
                                "unknown currency; one of "
                                        + CURRENCIES.stream().sorted().toList()));
                    }
                }
            }
        }
        return problems;
    }

    private static void phrases(List<FieldProblem> problems, String field, List<String> phrases) {
        if (phrases == null) return;
        for (int j = 0; j < phrases.size(); j++) {
            String phrase = phrases.get(j);
            if (phrase == null || phrase.isBlank()) continue; // reported by the constraints
            String problem = PhraseSet.problemWith(phrase);
            if (problem != null) problems.add(new FieldProblem(field + "[" + j + "]", problem));
        }
    }
}
