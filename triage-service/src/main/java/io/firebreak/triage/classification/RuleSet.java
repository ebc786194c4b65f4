package io.firebreak.triage.classification;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.CustomerStage;
import io.firebreak.platform.settings.FieldProblem;
import io.firebreak.platform.settings.RejectedSettings;
import io.firebreak.platform.text.BodilyHarm;
import io.firebreak.platform.text.DemandsOutOfProportion;
import io.firebreak.platform.text.DisputedAccounts;
import io.firebreak.platform.text.ExposedData;
import io.firebreak.platform.text.Lexicon;
import io.firebreak.platform.text.ManyAffected;
import io.firebreak.platform.text.PointingParties;
import io.firebreak.platform.text.RepeatedContacts;
import io.firebreak.platform.text.ReportedOutside;
import io.firebreak.platform.text.SilentPolicies;
import io.firebreak.platform.text.UnauthorisedPayments;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The classification rules as data (客户投诉分类): shipped in {@code triage.yml}, stored in triage's database as
 * versioned sets, replaced by an administrator. Public, as are its parts, because the record codec and the JSON
 * binding read them reflectively.
 */
public record RuleSet(
        @Valid @NotNull Lexicon.NegationWords negation,
        @NotEmpty List<@Valid @NotNull Rule> rules,
        List<@NotBlank String> senses) {

    public RuleSet {
        rules = rules == null ? null : List.copyOf(rules);
        senses = senses == null ? null : List.copyOf(senses);
    }

    /**
     * This set as it is stored and compiled: each {@code @name} among its phrases replaced by the lexicon's list of
     * that name, and the lexicon's negation and ordinary senses where the set gives none. A stored set is then
     * complete in itself, and a version classifies alike whatever the lexicon later becomes. A list the lexicon does
     * not have is refused ({@link RejectedSettings}), naming the rule.
     */
    public RuleSet withLexicon(Lexicon lexicon) {
        Lexicon.NegationWords n = negation == null ? lexicon.negation() : negation;
        List<FieldProblem> problems = new ArrayList<>();
        List<Rule> expanded = null;
        if (rules != null) {
            expanded = new ArrayList<>(rules.size());
            for (int i = 0; i < rules.size(); i++) {
                Rule r = rules.get(i);
                expanded.add(r == null ? null : written("rules[" + i + "]", () -> r.withLexicon(lexicon), problems));
            }
        }
        List<String> senses =
                this.senses == null ? lexicon.senses() : written("senses", () -> lexicon.expand(this.senses), problems);
        if (!problems.isEmpty()) throw new RejectedSettings("rule set", problems);
        return new RuleSet(n, expanded, senses);
    }

    /** What {@code write} gives, or null with a problem of {@code field} when it names a list the lexicon lacks. */
    private static <T> T written(String field, Supplier<T> write, List<FieldProblem> problems) {
        try {
            return write.get();
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    /**
     * One rule: it fires when ANY of its triggers holds, and raises the class to at least {@code complaintClass}.
     * Triggers: {@code phrases} found in the text and not negated; {@code allOf}, lists of phrases that each have one
     * found anywhere in the complaint, not negated (who is affected in one sentence and what happened to them in
     * another: "My mother is 84 and lives alone. … She has had no heating for three days"); a sum of money of at least
     * {@code amountAtLeast[currency]} (with {@code amountWhen}, only in a sentence that also has one of those
     * phrases: a sum at stake, not a price or a spend; with {@code amountPriced}, a sum right after one of those
     * phrases is a price, and a larger sum beside it in the sentence counts by what it exceeds the price: "advertised
     * at £1,200, charged £1,250" puts £50 at stake); at least {@code earlierComplaintsAtLeast} earlier complaints
     * on the same matter; the customer's {@code stages}; the complaint spread over at least {@code departmentsAtLeast}
     * departments (those its faults name: one named only by a remedy asked for or by the channel takes part in the
     * work, not the fault); with {@code unrouted}, no department of the routing table taking it; or, with {@code
     * partiesPointAtEachOther}, two parties the customer reports each naming the other in what they said
     * ({@link PointingParties}: "理赔部说是核保部设错的，核保部说这是理赔部的事"); or, with {@code contactsCounted}, the
     * customer counting the times they asked ({@link RepeatedContacts}: "报修五次了", "I've emailed four times"); or, with
     * {@code manyCounted}, many people or homes counted and hit in one sentence ({@link ManyAffected}: "两百多个家长交的
     * 课时费都没了"); with {@code accountsDisputed}, someone's account of what the customer did denied by the customer
     * ({@link DisputedAccounts}: "记录上写我还的雪板有损坏，可我还的时候拍了照片，好好的"); with {@code demandOutOfProportion},
     * the whole of something demanded for one small fault ({@link DemandsOutOfProportion}: "就因为少了一张照片，我们要求退全部
     * 拍摄费"); with {@code policySilent}, the terms silent on whether the customer's case is covered ({@link
     * SilentPolicies}: "My dental plan doesn't say whether a mouth guard counts as treatment"); or, with {@code
     * dataExposed}, another person's details shown to the customer or the customer's given to someone else ({@link
     * ExposedData}: "我收到的续保通知上是别人的身份证号和病历"); or, with {@code bodyHarmed}, a part of someone's body and what
     * happened to it ({@link BodilyHarm}: "脚上烫出好几个泡", "a gash on her head"); or, with {@code reportedOutside}, the
     * complaint taken to a public body outside the company ({@link ReportedOutside}: "我已经向电信管理局申诉了", "I've
     * reported your firm to the FCA"); or, with {@code paymentsUnauthorised}, the customer's money moved out of their
     * account without their doing ({@link UnauthorisedPayments}: "我储蓄卡里的一万四被分三笔转走了，我一笔都没操作过").
     * {@code en} and {@code zh} say why in a sentence, with {@code
     * {evidence}} standing for what made it fire.
     */
    public record Rule(
            @NotBlank @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "must be lower-case words joined by '-'")
            String name,

            @NotNull ComplaintClass complaintClass,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> phrases,

            @Size(min = 2, message = "must name at least two lists of phrases, each of which must be found")
            List<@NotNull @Size(min = 1, message = "must not be empty") List<@NotBlank String>> allOf,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            Map<@NotBlank String, @NotNull @Positive Long> amountAtLeast,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> amountWhen,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotBlank String> amountPriced,

            @Positive Integer earlierComplaintsAtLeast,

            @Size(min = 1, message = "must not be empty (leave it out instead)")
            List<@NotNull CustomerStage> stages,

            @Positive Integer departmentsAtLeast,
            Boolean unrouted,
            Boolean partiesPointAtEachOther,
            Boolean contactsCounted,
            Boolean manyCounted,
            Boolean accountsDisputed,
            Boolean demandOutOfProportion,
            Boolean policySilent,
            Boolean dataExposed,
            Boolean bodyHarmed,
            Boolean reportedOutside,
            Boolean paymentsUnauthorised,
            @Size(max = 300) String en,
            @Size(max = 300) String zh) {

        public Rule {
            // Sorted, so that equal rules print alike: a rule set's fingerprint is its printed form.
            amountAtLeast = amountAtLeast == null ? null : Collections.unmodifiableMap(new TreeMap<>(amountAtLeast));
        }

        /** A rule that fires on phrases only. */
        public static Rule phrases(String name, ComplaintClass complaintClass, List<String> phrases) {
            return new Rule(
                    name,
                    complaintClass,
                    phrases,
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
                    null,
                    null);
        }

        /** This rule with each {@code @name} among its phrases replaced by the lexicon's list. */
        Rule withLexicon(Lexicon lexicon) {
            return new Rule(
                    name,
                    complaintClass,
                    lexicon.expand(phrases),
                    allOf == null
                            ? null
                            : allOf.stream()
                                    .map(each -> each == null ? null : lexicon.expand(each))
                                    .toList(),
                    amountAtLeast,
                    lexicon.expand(amountWhen),
                    lexicon.expand(amountPriced),
                    earlierComplaintsAtLeast,
                    stages,
                    departmentsAtLeast,
                    unrouted,
                    partiesPointAtEachOther,
                    contactsCounted,
                    manyCounted,
                    accountsDisputed,
                    demandOutOfProportion,
                    policySilent,
                    dataExposed,
                    bodyHarmed,
                    reportedOutside,
                    paymentsUnauthorised,
                    en,
                    zh);
        }

        public boolean firesOnPhrases() {
            return phrases != null && !phrases.isEmpty();
        }

        public boolean firesOnAllOf() {
            return allOf != null && !allOf.isEmpty();
        }

        public boolean firesWhenUnrouted() {
            return Boolean.TRUE.equals(unrouted);
        }

        public boolean firesWhenPartiesPoint() {
            return Boolean.TRUE.equals(partiesPointAtEachOther);
        }

        public boolean firesWhenContactsCounted() {
            return Boolean.TRUE.equals(contactsCounted);
        }

        public boolean firesWhenManyCounted() {
            return Boolean.TRUE.equals(manyCounted);
        }

        public boolean firesWhenAccountsDisputed() {
            return Boolean.TRUE.equals(accountsDisputed);
        }

        public boolean firesWhenDemandOutOfProportion() {
            return Boolean.TRUE.equals(demandOutOfProportion);
        }

        public boolean firesWhenPolicySilent() {
            return Boolean.TRUE.equals(policySilent);
        }

        public boolean firesWhenDataExposed() {
            return Boolean.TRUE.equals(dataExposed);
        }

        public boolean firesWhenBodyHarmed() {
            return Boolean.TRUE.equals(bodyHarmed);
        }

        public boolean firesWhenReportedOutside() {
            return Boolean.TRUE.equals(reportedOutside);
        }

        public boolean firesWhenPaymentsUnauthorised() {
            return Boolean.TRUE.equals(paymentsUnauthorised);
        }
    }
}
