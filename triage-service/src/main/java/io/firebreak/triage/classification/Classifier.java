package io.firebreak.triage.classification;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.triage.TriageProperties;
import io.firebreak.triage.text.PhraseMatcher;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Classifies a complaint's text with the configured keyword rule set (客户投诉分类): the most severe class of
 * all rules that fire wins (MAJOR > ESCALATED > DIFFICULT > ORDINARY), and every rule that fired is kept with
 * the phrases that made it fire, so a person can see why. No rule firing means ORDINARY, with that as its reason.
 */
@Component
public class Classifier {

    private final String version;
    private final List<CompiledRule> rules;

    /** The reason an ORDINARY complaint carries when no rule fired. */
    public static final String NO_RULE_FIRED = "no-rule-fired";

    public Classifier(TriageProperties properties) {
        this.version = properties.classification().version();
        this.rules = properties.classification().rules().stream()
                .map(r -> new CompiledRule(r.name(), r.complaintClass(), new PhraseMatcher(r.phrases())))
                .toList();
    }

    /** The version of the rule set, recorded with each decision. */
    public String version() {
        return version;
    }

    public Result classify(String text) {
        ComplaintClass complaintClass = ComplaintClass.ORDINARY;
        List<Reason> reasons = new ArrayList<>();
        for (CompiledRule rule : rules) {
            List<String> found = rule.matcher().find(text);
            if (!found.isEmpty()) {
                complaintClass = ComplaintClass.mostSevere(complaintClass, rule.complaintClass());
                reasons.add(new Reason(rule.name(), String.join(", ", found)));
            }
        }
        if (reasons.isEmpty()) {
            // ORDINARY is a finding too: say so, so nobody has to wonder whether the rules ran.
            reasons.add(new Reason(NO_RULE_FIRED, "no rule of rule set " + version + " matched the text"));
        }
        return new Result(complaintClass, List.copyOf(reasons), version);
    }

    /** A classification: the class, every rule that fired with its evidence, and the rule set's version. */
    public record Result(ComplaintClass complaintClass, List<Reason> reasons, String ruleSetVersion) {}

    private record CompiledRule(String name, ComplaintClass complaintClass, PhraseMatcher matcher) {}
}
