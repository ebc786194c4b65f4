package io.firebreak.triage.classification;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.text.Amounts;
import io.firebreak.platform.text.BodilyHarm;
import io.firebreak.platform.text.DemandsOutOfProportion;
import io.firebreak.platform.text.DisputedAccounts;
import io.firebreak.platform.text.ExposedData;
import io.firebreak.platform.text.ManyAffected;
import io.firebreak.platform.text.PhraseSet;
import io.firebreak.platform.text.PointingParties;
import io.firebreak.platform.text.Reading;
import io.firebreak.platform.text.RepeatedContacts;
import io.firebreak.platform.text.ReportedOutside;
import io.firebreak.platform.text.ScannedText;
import io.firebreak.platform.text.SilentPolicies;
import io.firebreak.platform.text.UnauthorisedPayments;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Classifies a complaint with one version of the rule set (客户投诉分类): the most severe class of all rules that
 * fire wins (MAJOR > ESCALATED > DIFFICULT > ORDINARY), and every rule that fired is kept with what made it fire
 * (the phrases, the sum over the threshold, the earlier complaints, the routing) and a sentence in English and
 * Chinese, so a person can see why. A phrase that is negated ("没有受伤") or stands in an ordinary sense of its
 * word ("Fire TV Stick", "曝光过度") does not count ({@link Reading}). No rule firing means
 * ORDINARY, with that as its reason. Immutable and thread-safe: one instance serves every complaint of its version.
 */
public final class Classifier {

    /** The reason an ORDINARY complaint carries when no rule fired. */
    public static final String NO_RULE_FIRED = "no-rule-fired";

    private static final String EVIDENCE = "{evidence}";

    private final String version;
    private final List<RuleSet.Rule> rules;
    private final PhraseSet phrases;
    private final int[] ruleOfPhrase;
    /** Per phrase: which of its rule's {@code allOf} lists it is in, or -1 for one of its plain phrases. */
    private final int[] listOfPhrase;

    private final Reading reading;
    private final boolean amounts;
    /** The structures some rule fires on, each read once a complaint. */
    private final List<Structure> structures;

    /**
     * What a rule may fire on besides its words: a structure read in the whole text ({@link PointingParties},
     * {@link RepeatedContacts}, {@link ManyAffected}, {@link DisputedAccounts}, {@link DemandsOutOfProportion},
     * {@link SilentPolicies}, {@link ExposedData}, {@link BodilyHarm}, {@link ReportedOutside}, {@link
     * UnauthorisedPayments}), told with what it found. A count tells what the rule's own words did not already say; two
     * parties pointing are told beside the words that name them.
     */
    private enum Structure {
        PARTIES_POINT(RuleSet.Rule::firesWhenPartiesPoint, PointingParties::find, " (each names the other)", false),
        CONTACTS_COUNTED(
                RuleSet.Rule::firesWhenContactsCounted, RepeatedContacts::find, " (the times asked, counted)", true),
        MANY_COUNTED(RuleSet.Rule::firesWhenManyCounted, ManyAffected::find, " (counted, and hit)", true),
        ACCOUNTS_DISPUTED(
                RuleSet.Rule::firesWhenAccountsDisputed, DisputedAccounts::find, " (an account, denied)", true),
        DEMAND_OUT_OF_PROPORTION(
                RuleSet.Rule::firesWhenDemandOutOfProportion,
                DemandsOutOfProportion::find,
                " (one fault, the whole demanded)",
                true),
        POLICY_SILENT(RuleSet.Rule::firesWhenPolicySilent, SilentPolicies::find, " (the terms silent)", true),
        DATA_EXPOSED(RuleSet.Rule::firesWhenDataExposed, ExposedData::find, " (someone's details, shown)", true),
        BODY_HARMED(RuleSet.Rule::firesWhenBodyHarmed, BodilyHarm::find, " (a body, hurt)", true),
        REPORTED_OUTSIDE(
                RuleSet.Rule::firesWhenReportedOutside, ReportedOutside::find, " (taken to an authority)", true),
        PAYMENTS_UNAUTHORISED(
                RuleSet.Rule::firesWhenPaymentsUnauthorised,
                UnauthorisedPayments::find,
                " (the customer's money moved, not by them)",
                true);

        private final Predicate<RuleSet.Rule> fires;
        private final Function<ScannedText, String> find;
        private final String told;
        private final boolean onlyWithoutWords;

        Structure(
                Predicate<RuleSet.Rule> fires,
                Function<ScannedText, String> find,
                String told,
                boolean onlyWithoutWords) {
            this.fires = fires;
            this.find = find;
            this.told = told;
            this.onlyWithoutWords = onlyWithoutWords;
        }
    }

    private final PhraseSet[] stakes;
    /** Per rule: the phrases after which a sum is a price (null: none). */
    private final PhraseSet[] prices;
    /** The most characters between a price phrase and its sum: "priced at £1,200", "标价 1200 元". */
    private static final int PRICE_GAP = 6;

    /**
     * Compiles a rule set; it must have passed {@link RuleSetCheck}.
     *
     * @param version recorded with every decision this classifier makes
     */
    public Classifier(String version, RuleSet set) {
        this.version = version;
        this.rules = List.copyOf(set.rules());
        List<String> all = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        List<Integer> lists = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleSet.Rule rule = rules.get(r);
            if (rule.firesOnPhrases()) {
                for (String phrase : rule.phrases()) {
                    all.add(phrase);
                    owners.add(r);
                    lists.add(-1);
                }
            }
            if (rule.firesOnAllOf()) {
                for (int k = 0; k < rule.allOf().size(); k++) {
                    for (String phrase : rule.allOf().get(k)) {
                        all.add(phrase);
                        owners.add(r);
                        lists.add(k);
                    }
                }
            }
        }
        this.phrases = PhraseSet.of(all);
        this.ruleOfPhrase = owners.stream().mapToInt(Integer::intValue).toArray();
        this.listOfPhrase = lists.stream().mapToInt(Integer::intValue).toArray();
        this.reading = new Reading(set.negation().compile(), set.senses());
        this.amounts = rules.stream().anyMatch(r -> r.amountAtLeast() != null);
        this.structures = Arrays.stream(Structure.values())
                .filter(structure -> rules.stream().anyMatch(structure.fires))
                .toList();
        this.stakes = rules.stream()
                .map(r -> r.amountAtLeast() != null && r.amountWhen() != null ? PhraseSet.of(r.amountWhen()) : null)
                .toArray(PhraseSet[]::new);
        this.prices = rules.stream()
                .map(r -> r.amountAtLeast() != null && r.amountPriced() != null ? PhraseSet.of(r.amountPriced()) : null)
                .toArray(PhraseSet[]::new);
    }

    /** The version of the rule set, recorded with each decision. */
    public String version() {
        return version;
    }

    /** Classifies words alone. */
    public Result classify(String text) {
        return classify(Facts.ofText(text));
    }

    public Result classify(Facts facts) {
        ScannedText text = facts.text();
        List<PhraseSet.Hit> hits = phrases.scan(text);
        List<List<PhraseSet.Hit>> found = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) found.add(null);
        // Per rule with allOf: the hits of each of its lists, and the words of each found but not counted.
        Map<Integer, AllOf> together = new HashMap<>();
        List<String> negated = new ArrayList<>();
        List<Discounted> discounted = new ArrayList<>();
        if (!hits.isEmpty()) {
            Reading.Scope scope = reading.scope(text, hits);
            for (PhraseSet.Hit hit : hits) {
                int rule = ruleOfPhrase[hit.phrase()];
                int list = listOfPhrase[hit.phrase()];
                String why = scope.discounted(hit);
                if (list >= 0) {
                    together.computeIfAbsent(
                                    rule, r -> new AllOf(rules.get(r).allOf().size()))
                            .add(list, hit, why);
                    continue;
                }
                if (why != null) {
                    negated.add(hit.asWritten() + " (" + why + ")");
                    RuleSet.Rule r = rules.get(rule);
                    discounted.add(new Discounted(r.name(), r.complaintClass(), hit.asWritten(), why));
                    continue;
                }
                if (found.get(rule) == null) found.set(rule, new ArrayList<>());
                found.get(rule).add(hit);
            }
        }
        List<String> allOf = new ArrayList<>(rules.size());
        for (int r = 0; r < rules.size(); r++) allOf.add(null);
        together.forEach((r, lists) -> {
            if (lists.allFound()) {
                allOf.set(r, lists.evidence());
            } else if (lists.judged()) {
                // Its words were found, and some of them judged negated or everyday: said, as a phrase's would be.
                RuleSet.Rule rule = rules.get(r);
                lists.discounted().forEach((words, why) -> {
                    negated.add(words + " (" + why + ")");
                    discounted.add(new Discounted(rule.name(), rule.complaintClass(), words, why));
                });
            }
        });
        List<Amounts.Amount> sums = amounts ? Amounts.find(text) : List.of();
        Map<Structure, String> read = new EnumMap<>(Structure.class);
        for (Structure structure : structures) {
            String seen = structure.find.apply(text);
            if (seen != null) read.put(structure, seen);
        }

        ComplaintClass complaintClass = ComplaintClass.ORDINARY;
        List<Fired> fired = new ArrayList<>();
        List<String> weighed = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            RuleSet.Rule rule = rules.get(r);
            List<String> evidence = new ArrayList<>();
            if (found.get(r) != null) evidence.add(String.join(", ", phrasesOf(found.get(r))));
            if (allOf.get(r) != null) evidence.add(allOf.get(r));
            read.forEach((structure, seen) -> {
                if (structure.fires.test(rule) && (!structure.onlyWithoutWords || evidence.isEmpty())) {
                    evidence.add(seen + structure.told);
                }
            });
            boolean byWords = !evidence.isEmpty();
            List<Amounts.Amount> staked = atStake(r, sums, text);
            List<String> over = amountsOver(rule, staked);
            evidence.addAll(over);
            List<String> known = facts(rule, facts);
            evidence.addAll(known);
            if (evidence.isEmpty()) {
                weighed.addAll(amountsUnder(rule, staked));
                weighed.addAll(amountsNotAtStake(rule, sums, staked));
                continue;
            }
            complaintClass = ComplaintClass.mostSevere(complaintClass, rule.complaintClass());
            fired.add(new Fired(
                    rule.complaintClass(),
                    reason(rule, String.join("; ", evidence)),
                    byWords && over.isEmpty() && known.isEmpty()));
        }
        if (fired.isEmpty()) {
            return new Result(
                    ComplaintClass.ORDINARY,
                    List.of(),
                    List.of(noRuleFired(negated)),
                    version,
                    List.copyOf(discounted),
                    List.copyOf(weighed));
        }
        return new Result(
                complaintClass,
                List.copyOf(fired),
                fired.stream().map(Fired::reason).toList(),
                version,
                List.copyOf(discounted),
                List.copyOf(weighed));
    }

    /**
     * The distinct words that made a rule fire, as written, in the order of its phrases; a match inside a longer one
     * of the same rule ("推诿" in "互相推诿") says nothing more and is left out.
     */
    private static Set<String> phrasesOf(List<PhraseSet.Hit> hits) {
        Set<String> words = new LinkedHashSet<>();
        for (PhraseSet.Hit hit : hits) {
            boolean inside = false;
            for (PhraseSet.Hit other : hits) {
                if (other != hit
                        && other.start() <= hit.start()
                        && other.end() >= hit.end()
                        && other.end() - other.start() > hit.end() - hit.start()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) words.add(hit.asWritten());
        }
        return words;
    }

    /**
     * The sums a rule may count: all of them, or with {@code amountWhen} those in a sentence that also has one of
     * its phrases ("charged £1,200 twice", "扣了6000块"), not a price ("the $899 laptop") or a spend. With
     * {@code amountPriced}, a sum right after one of those phrases is a price and never counts, and a larger sum of
     * its currency in its sentence counts by what it exceeds it: "advertised at £1,200, charged £1,250" puts £50 at
     * stake, not £1,250.
     */
    private List<Amounts.Amount> atStake(int rule, List<Amounts.Amount> sums, ScannedText text) {
        if (sums.isEmpty() || stakes[rule] == null && prices[rule] == null) return sums;
        List<PhraseSet.Hit> cues = stakes[rule] == null ? null : stakes[rule].scan(text);
        if (cues != null && cues.isEmpty()) return List.of();
        List<Amounts.Amount> priced = priced(rule, sums, text);
        List<Amounts.Amount> kept = new ArrayList<>();
        for (Amounts.Amount sum : sums) {
            if (priced.contains(sum)) continue;
            if (cues == null) {
                kept.add(beyondPrice(sum, priced, text));
                continue;
            }
            for (PhraseSet.Hit cue : cues) {
                if (text.sameSentence(Math.min(cue.start(), sum.start()), Math.max(cue.end(), sum.end()))) {
                    kept.add(beyondPrice(sum, priced, text));
                    break;
                }
            }
        }
        return kept;
    }

    /** The sums that follow one of the rule's price phrases closely (at most a few characters between). */
    private List<Amounts.Amount> priced(int rule, List<Amounts.Amount> sums, ScannedText text) {
        if (prices[rule] == null) return List.of();
        List<PhraseSet.Hit> cues = prices[rule].scan(text);
        if (cues.isEmpty()) return List.of();
        List<Amounts.Amount> priced = new ArrayList<>();
        for (Amounts.Amount sum : sums) {
            for (PhraseSet.Hit cue : cues) {
                if (cue.end() <= sum.start() && sum.start() - cue.end() <= PRICE_GAP) {
                    priced.add(sum);
                    break;
                }
            }
        }
        return priced;
    }

    /** What {@code sum} exceeds the largest smaller price of its currency in its sentence by, or the sum itself. */
    private static Amounts.Amount beyondPrice(Amounts.Amount sum, List<Amounts.Amount> priced, ScannedText text) {
        Amounts.Amount price = null;
        for (Amounts.Amount p : priced) {
            if (p.currency().equals(sum.currency())
                    && p.value().compareTo(sum.value()) < 0
                    && text.sameSentence(Math.min(p.start(), sum.start()), Math.max(p.end(), sum.end()))
                    && (price == null || p.value().compareTo(price.value()) > 0)) {
                price = p;
            }
        }
        if (price == null) return sum;
        return new Amounts.Amount(
                sum.currency(),
                sum.value().subtract(price.value()),
                sum.asWritten().strip() + " − " + price.asWritten().strip(),
                sum.start(),
                sum.end());
    }

    /** The sums at stake a rule weighed and found below its threshold, as "三千四 < 5000 CNY". */
    private static List<String> amountsUnder(RuleSet.Rule rule, List<Amounts.Amount> sums) {
        if (rule.amountAtLeast() == null || sums.isEmpty()) return List.of();
        List<String> under = new ArrayList<>();
        for (Amounts.Amount sum : sums) {
            Long threshold = rule.amountAtLeast().get(sum.currency());
            if (threshold != null && sum.value().compareTo(BigDecimal.valueOf(threshold)) < 0) {
                under.add(sum.asWritten().strip() + " < " + threshold + " " + sum.currency());
            }
        }
        return under;
    }

    /**
     * The sums over a rule's threshold it found but did not count, as "£8,000 ≥ 550 GBP, not at stake": a price, a
     * spend, money the customer moved themselves. The rules judged that money too.
     */
    private static List<String> amountsNotAtStake(
            RuleSet.Rule rule, List<Amounts.Amount> sums, List<Amounts.Amount> staked) {
        if (rule.amountAtLeast() == null || sums.size() == staked.size()) return List.of();
        List<String> judged = new ArrayList<>();
        for (Amounts.Amount sum : sums) {
            Long threshold = rule.amountAtLeast().get(sum.currency());
            boolean counted = staked.stream().anyMatch(s -> s.start() == sum.start());
            if (!counted && threshold != null && sum.value().compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                judged.add(sum.asWritten().strip() + " ≥ " + threshold + " " + sum.currency() + ", not at stake");
            }
        }
        return judged;
    }

    private static List<String> amountsOver(RuleSet.Rule rule, List<Amounts.Amount> sums) {
        if (rule.amountAtLeast() == null || sums.isEmpty()) return List.of();
        List<String> over = new ArrayList<>();
        for (Amounts.Amount sum : sums) {
            Long threshold = rule.amountAtLeast().get(sum.currency());
            if (threshold != null && sum.value().compareTo(BigDecimal.valueOf(threshold)) >= 0) {
                over.add(sum.asWritten().strip() + " ≥ " + threshold + " " + sum.currency());
            }
        }
        return over;
    }

    private static List<String> facts(RuleSet.Rule rule, Facts facts) {
        List<String> evidence = new ArrayList<>();
        List<String> earlier = facts.earlierComplaintIds();
        if (rule.earlierComplaintsAtLeast() != null
                && earlier != null
                && earlier.size() >= rule.earlierComplaintsAtLeast()) {
            evidence.add(earlier.size() + (earlier.size() == 1 ? " earlier complaint" : " earlier complaints")
                    + " on the same matter: " + String.join(", ", earlier));
        }
        if (rule.stages() != null && facts.stage() != null && rule.stages().contains(facts.stage())) {
            evidence.add("customer stage " + facts.stage());
        }
        List<String> departments = facts.departments();
        if (departments != null) {
            List<String> sharing = facts.sharing();
            if (rule.departmentsAtLeast() != null && sharing.size() >= rule.departmentsAtLeast()) {
                evidence.add(sharing.size() + " departments: " + String.join(", ", sharing));
            }
            if (rule.firesWhenUnrouted() && departments.isEmpty()) {
                evidence.add("no department of the routing table takes it");
            }
        }
        return evidence;
    }

    private static Reason reason(RuleSet.Rule rule, String evidence) {
        String en = rule.en() == null ? "Rule " + rule.name() + " fired: " + EVIDENCE + "." : rule.en();
        String zh = rule.zh() == null ? "触发规则 " + rule.name() + "：" + EVIDENCE + "。" : rule.zh();
        return new Reason(rule.name(), evidence, en.replace(EVIDENCE, evidence), zh.replace(EVIDENCE, evidence));
    }

    private Reason noRuleFired(List<String> negated) {
        // ORDINARY is a finding too: say so, so nobody has to wonder whether the rules ran.
        String evidence = "no rule of rule set " + version + " matched the text"
                + (negated.isEmpty() ? "" : "; not counted: " + String.join(", ", negated));
        return new Reason(
                NO_RULE_FIRED,
                evidence,
                "No rule of rule set " + version + " fired: one clear issue, an ordinary complaint.",
                "规则集 " + version + " 没有规则触发：事项单一清楚，按普通投诉处理。");
    }

    /**
     * One rule that fired: the class it raises to, its reason, and whether its words alone made it fire (no sum at
     * stake, no fact of the complaint such as earlier complaints or the customer's stage: what a reader of the words
     * alone cannot see).
     */
    public record Fired(ComplaintClass complaintClass, Reason reason, boolean byWordsAlone) {

        public Fired(ComplaintClass complaintClass, Reason reason) {
            this(complaintClass, reason, false);
        }

        public String rule() {
            return reason.rule();
        }
    }

    /**
     * What a rule's {@code allOf} lists found in one complaint: each list's hits that count, and the words of each
     * found only negated or in an everyday sense.
     */
    private static final class AllOf {

        private final List<List<PhraseSet.Hit>> counted = new ArrayList<>();
        private final List<Map<String, String>> notCounted = new ArrayList<>();

        AllOf(int lists) {
            for (int k = 0; k < lists; k++) {
                counted.add(new ArrayList<>());
                notCounted.add(new LinkedHashMap<>());
            }
        }

        void add(int list, PhraseSet.Hit hit, String whyNotCounted) {
            if (whyNotCounted == null) counted.get(list).add(hit);
            else notCounted.get(list).putIfAbsent(hit.asWritten(), whyNotCounted);
        }

        boolean allFound() {
            return counted.stream().noneMatch(List::isEmpty);
        }

        /**
         * Whether some of its words count and a list that found none has words not counted: the rules read them
         * ("My dad is 80 and lives alone … he was never without heating"), and a reader by topic should not.
         */
        boolean judged() {
            return counted.stream().anyMatch(hits -> !hits.isEmpty())
                    && !discounted().isEmpty();
        }

        /** The words of each list, the lists joined by " + ": "84, lives alone + no heating". */
        String evidence() {
            return counted.stream()
                    .map(hits -> String.join(", ", phrasesOf(hits)))
                    .collect(Collectors.joining(" + "));
        }

        /** The words not counted of the lists that found nothing else, with why. */
        Map<String, String> discounted() {
            Map<String, String> words = new LinkedHashMap<>();
            for (int k = 0; k < counted.size(); k++) {
                if (counted.get(k).isEmpty()) words.putAll(notCounted.get(k));
            }
            return words;
        }
    }

    /** Words of a rule found but not counted: the rule, its class, the words, and why (negated, ordinary sense). */
    public record Discounted(String rule, ComplaintClass complaintClass, String words, String why) {}

    /**
     * A classification: the class, every rule that fired (with the class each raises to) and the reasons, the rule
     * set's version, the words found but not counted, and the sums weighed and not counted: at stake but below a
     * rule's threshold, or over it but not at stake (a price, a spend, money the customer moved) — the rules judged the
     * money either way.
     */
    public record Result(
            ComplaintClass complaintClass,
            List<Fired> fired,
            List<Reason> reasons,
            String ruleSetVersion,
            List<Discounted> discounted,
            List<String> weighed) {

        /** Whether the rules found nothing at all in the words: no rule fired, nothing discounted, no sum weighed. */
        public boolean foundNothing() {
            return fired.isEmpty() && discounted.isEmpty() && weighed.isEmpty();
        }

        /** The words discounted whose rule would have made the class more severe: a person should look. */
        public List<Discounted> doubtful() {
            return discounted.stream()
                    .filter(d -> ComplaintClass.mostSevere(d.complaintClass(), complaintClass) != complaintClass)
                    .toList();
        }

        /** Whether no rule fired (the complaint is ORDINARY for want of any). */
        public boolean noneFired() {
            return fired.isEmpty();
        }
    }
}
