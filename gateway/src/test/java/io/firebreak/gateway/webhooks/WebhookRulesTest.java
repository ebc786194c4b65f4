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
        assertThat(Subscription.matches("firebreak.case.*", "firebreak.case.resolved"))
                .isTrue();
        assertThat(Subscription.matches("firebreak.case.*", "firebreak.complaint.received"))
                .isFalse();
        assertThat(Subscription.matches("firebreak.*.closed", "firebreak.complaint.closed"))
                .isTrue();
        assertThat(Subscription.matches("firebreak.case.resolved", "firebreak.case.resolved"))
                .isTrue();
        assertThat(Subscription.matches("firebreak.case", "firebreak.case.resolved"))
                .isFalse();
        assertThat(Subscription.matches("firebreak.case.re.olved", "firebreak.case.resolved"))
                .as("a dot is a dot, not any character")
                .isFalse();
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
        assertThat(Subscription.matches("*case*case*", "firebreak.case.resolved"))
                .isFalse();
        assertThat(Subscription.matches("*.case.*", "firebreak.case.resolved")).isTrue();
        assertThat(Subscription.matches("firebreak.case*resolved", "firebreak.case"))
                .as("pieces overlap")
                .isFalse();
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
        assertThat(majorBilling.wants("firebreak.case.resolved", shared))
                .as("class not known yet")
                .isFalse();
        assertThat(majorBilling.wants(
                        "firebreak.case.resolved",
                        new Subscription.ComplaintFacts("jira-1", List.of(), ComplaintClass.ORDINARY, "BILLING")))
                .isFalse();
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
    void signatures_theStandardWebhooksTestVectorIsReproducedExactly() {
        // The published Standard Webhooks vector: a receiver's library verifies what Firebreak sends.
        assertThat(Signatures.header(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void signatures_theDeliveryIdAndTheTimeAreSignedWithTheBodySoAReplayCannotChangeThem() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String signed = Signatures.header(List.of(secret), "d-1", 1700000000L, "{}");
        assertThat(Signatures.header(List.of(secret), "d-2", 1700000000L, "{}")).isNotEqualTo(signed);
        assertThat(Signatures.header(List.of(secret), "d-1", 1700000001L, "{}")).isNotEqualTo(signed);
        assertThat(Signatures.header(List.of(secret), "d-1", 1700000000L, "{ }"))
                .isNotEqualTo(signed);
    }

    @Test
    void signatures_aRotatedSecretSignsBesideTheNewOneUntilItsOverlapEnds() {
        Instant until = Instant.parse("2026-12-03T00:00:00Z");
        Subscription rotated = new Subscription(
                "wh-1",
                "c",
                false,
                "https://x.example/h",
                List.of("*"),
                List.of(),
                List.of(),
                "whsec_new",
                Subscription.Status.ACTIVE,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                null,
                "whsec_old",
                until);
        assertThat(rotated.signingSecrets(until.minusSeconds(1))).containsExactly("whsec_new", "whsec_old");
        assertThat(rotated.signingSecrets(until)).containsExactly("whsec_new");
        String header = Signatures.header(rotated.signingSecrets(until.minusSeconds(1)), "d-1", 1L, "{}");
        assertThat(header.split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
    }

    @Test
    void signatures_weakSecretsAreRefusedAndNewOnesAreStandard() {
        assertThat(Signatures.problem("sixteen-chars-ok")).contains("whsec_");
        assertThat(Signatures.problem("whsec_c2hvcnQ=")).contains("24 to 64 bytes");
        assertThat(Signatures.problem("whsec_not base64!")).isNotNull();
        assertThat(Signatures.problem("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).isNull();
        String made = Signatures.newSecret();
        assertThat(made).startsWith("whsec_");
        assertThat(Signatures.problem(made)).isNull();
        assertThat(Signatures.key(made)).hasSize(32);
    }

    private static Subscription subscription(
            String owner, boolean all, List<ComplaintClass> classes, List<String> departments) {
        return new Subscription(
                "wh-1",
                owner,
                all,
                "https://x.example/h",
                List.of("firebreak.case.*"),
                classes,
                departments,
                "secret",
                Subscription.Status.ACTIVE,
                Instant.EPOCH,
                Instant.EPOCH,
                null,
                null,
                null);
    }
}
