package io.firebreak.gateway.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.gateway.GatewayProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which events a subscription wants, the back-off between attempts, and the signature's form. */
class WebhookRulesTest {

    @Test
    void typeGlobsMatchWholeTypesWithStarsForAnyRun() {
        assertThat(Subscription.matches("*", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("firebreak.case.*", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("firebreak.case.*", "firebreak.complaint.received")).isFalse();
        assertThat(Subscription.matches("firebreak.*.closed", "firebreak.complaint.closed")).isTrue();
        assertThat(Subscription.matches("firebreak.case.resolved", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("firebreak.case", "firebreak.case.resolved")).isFalse();
        assertThat(Subscription.matches("firebreak.case.re.olved", "firebreak.case.resolved"))
                .as("a dot is a dot, not any character").isFalse();
    }

    @Test
    // A backtracking matcher takes hours on these: a bound that fails it, not a speed goal.
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void globsWithManyStarsAreMatchedWithoutBacktracking() {
        String stars = "*".repeat(40);
        assertThat(Subscription.matches(stars + "x", "firebreak.case.resolved")).isFalse();
        assertThat(Subscription.matches(stars + "d", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("f*r*e*b*r*e*a*k*.*c*a*s*e*.*r*e*s*o*l*v*e*d", "firebreak.case.resolved"))
                .isTrue();
        assertThat(Subscription.matches("*case*case*", "firebreak.case.resolved")).isFalse();
        assertThat(Subscription.matches("*.case.*", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("firebreak.case*resolved", "firebreak.case")).as("pieces overlap").isFalse();
        assertThat(Subscription.matches(stars + "x", "a".repeat(5_000) + "y")).isFalse();
    }

    @Test
    void aClientGetsOnlyItsOwnOrSharedComplaintsEventsWithinItsFilters() {
        Subscription own = subscription("jira-1", false, List.of(), List.of());
        var mine = new Subscription.ComplaintFacts("jira-1", List.of(), ComplaintClass.MAJOR, "BILLING");
        var shared = new Subscription.ComplaintFacts("other", List.of("jira-1"), null, null);
        var others = new Subscription.ComplaintFacts("other", List.of(), ComplaintClass.MAJOR, "BILLING");
        assertThat(own.wants("firebreak.case.resolved", mine)).isTrue();
        assertThat(own.wants("firebreak.case.resolved", shared)).isTrue();
        assertThat(own.wants("firebreak.case.resolved", others)).isFalse();
        assertThat(subscription("admin-1", true, List.of(), List.of()).wants("firebreak.case.resolved", others))
                .isTrue();

        Subscription majorBilling = subscription("jira-1", false, List.of(ComplaintClass.MAJOR), List.of("billing"));
        assertThat(majorBilling.wants("firebreak.case.resolved", mine)).isTrue();
        assertThat(majorBilling.wants("firebreak.case.resolved", shared)).as("class not known yet").isFalse();
        assertThat(majorBilling.wants("firebreak.case.resolved",
                new Subscription.ComplaintFacts("jira-1", List.of(), ComplaintClass.ORDINARY, "BILLING"))).isFalse();
    }

    @Test
    void theBackOffGrowsByTheMultiplierUpToTheCapLessTheJitter() {
        var settings = new GatewayProperties.Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.2);
        Backoff noJitter = new Backoff(settings, () -> 0.0);
        assertThat(noJitter.after(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(noJitter.after(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(noJitter.after(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(noJitter.after(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(noJitter.after(40)).isEqualTo(Duration.ofMinutes(1));
        assertThat(new Backoff(settings, () -> 1.0).after(1)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void theSignatureIsHmacSha256OverTimestampDotBody() {
        // echo -n '1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test'
        assertThat(Signatures.header("whsec_test", 1700000000L, "{\"a\":1}"))
                .isEqualTo("t=1700000000,v1=" + Signatures.hmac("whsec_test", "1700000000.{\"a\":1}"));
        assertThat(Signatures.hmac("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    private static Subscription subscription(String owner, boolean all, List<ComplaintClass> classes,
            List<String> departments) {
        return new Subscription("wh-1", owner, all, "https://x.example/h", List.of("firebreak.case.*"), classes,
                departments, "secret", Subscription.Status.ACTIVE, Instant.EPOCH, Instant.EPOCH, null, null, null);
    }
}
