package io.firebreak.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.intake.IntakeProperties;
import io.firebreak.intake.complaint.RequestChecks.FieldProblem;
import io.firebreak.platform.test.ShippedProperties;
import jakarta.validation.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestChecksTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z"); // 16:00 in Shanghai
    static final RequestChecks CHECKS = new RequestChecks(
            Validation.buildDefaultValidatorFactory().getValidator(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            ShippedProperties.bind("intake.yml", "firebreak.intake", IntakeProperties.class));

    static SubmitComplaint submission(
            String channel, SubmitComplaint.CustomerRef customer, String description, String happenedAt) {
        return new SubmitComplaint(channel, customer, description, null, null, null, happenedAt);
    }

    @Test
    void everyBadFieldIsReportedAtOnce() {
        SubmitComplaint bad = new SubmitComplaint(
                "PIGEON",
                new SubmitComplaint.CustomerRef("x".repeat(65), null, "not-a-phone", "nope"),
                " ",
                "P".repeat(101),
                null,
                null,
                "yesterday");
        List<FieldProblem> problems = CHECKS.submission(bad);
        assertThat(problems)
                .extracting(FieldProblem::field)
                .containsExactlyInAnyOrder(
                        "channel",
                        "customer.id",
                        "customer.phone",
                        "customer.email",
                        "description",
                        "productRef",
                        "happenedAt");
        assertThat(problems)
                .filteredOn(p -> p.field().equals("channel"))
                .singleElement()
                .satisfies(p -> assertThat(p.reason())
                        .contains("PIGEON")
                        .contains("PHONE")
                        .contains("WEB_FORM"));
    }

    @Test
    void controlCharacters_nulEscapesDirectionOverridesAndBrokenCharactersAreRefusedWhereverTextIsTaken() {
        String[] forged = {"a\u0000b", "\u001b[31mred", "invoice\u202Egnp.exe", "half \uD83D", "x\u0085y"};
        for (String bad : forged) {
            SubmitComplaint submission = new SubmitComplaint(
                    "EMAIL",
                    new SubmitComplaint.CustomerRef("CRM-" + bad, bad, null, "a@example.com"),
                    bad,
                    bad,
                    bad,
                    bad,
                    null,
                    new SubmitComplaint.ExternalRef(bad, bad));
            assertThat(CHECKS.submission(submission))
                    .extracting(FieldProblem::field)
                    .as(bad)
                    .containsExactlyInAnyOrder(
                            "customer.id",
                            "customer.name",
                            "description",
                            "productRef",
                            "orderRef",
                            "remedySought",
                            "externalRef.system",
                            "externalRef.id");
            assertThat(CHECKS.message(new AddMessage(bad, null)))
                    .extracting(FieldProblem::field)
                    .containsExactly("text");
        }
        assertThat(CHECKS.submission(new SubmitComplaint(
                        "EMAIL",
                        new SubmitComplaint.CustomerRef("CRM-1", "王芳 👩‍💻", null, "a@example.com"),
                        "第一行\n第二行\t😡 🇨🇳 مرحبا",
                        "P-1",
                        "O-1",
                        "退款\r\n谢谢",
                        null,
                        new SubmitComplaint.ExternalRef("jira", "SD-1"))))
                .as("every script, emoji, line breaks")
                .isEmpty();
        assertThat(CHECKS.submission(submission(
                        "EMAIL",
                        new SubmitComplaint.CustomerRef("CRM-1\nINFO forged", null, null, "a@example.com"),
                        "x",
                        null)))
                .extracting(FieldProblem::field)
                .containsExactly("customer.id");
    }

    @Test
    void aGoodSubmissionHasNoProblemsAndAnyCaseOfChannelWillDo() {
        assertThat(CHECKS.submission(submission(
                        "web_form",
                        new SubmitComplaint.CustomerRef(null, "王芳", "+86 138 0013 8000", null),
                        "快递没到",
                        "2026-11-20")))
                .isEmpty();
        assertThat(RequestChecks.channel("web_form")).hasToString("WEB_FORM");
    }

    @Test
    void theCustomerMustBeThereAndIdentifiable() {
        assertThat(CHECKS.submission(submission("PHONE", null, "x", null)))
                .containsExactly(new FieldProblem("customer", "is required"));
        assertThat(CHECKS.submission(
                        submission("PHONE", new SubmitComplaint.CustomerRef(null, "Li", null, null), "x", null)))
                .containsExactly(new FieldProblem("customer", "give at least one of id, phone or email"));
    }

    @Test
    void whenItHappenedIsAnIsoDateOrDateTimeAndNotInTheFuture() {
        SubmitComplaint.CustomerRef who = new SubmitComplaint.CustomerRef("C-1", null, null, null);
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "2026-11-23")))
                .as("today")
                .isEmpty();
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "2026-11-23T15:59:00")))
                .isEmpty();
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "2026-11-23T07:59:00Z")))
                .isEmpty();
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "2026-11-24")))
                .containsExactly(new FieldProblem("happenedAt", "must not be in the future"));
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "2026-11-23T17:00:00+08:00")))
                .containsExactly(new FieldProblem("happenedAt", "must not be in the future"));
        assertThat(CHECKS.submission(submission("CHAT", who, "x", "20/11/2026")))
                .extracting(FieldProblem::field)
                .containsExactly("happenedAt");
        assertThat(CHECKS.happenedAt("2026-11-20")).isEqualTo(Instant.parse("2026-11-19T16:00:00Z"));
    }

    @Test
    void aMessageNeedsTextAndAKnownChannelIfAny() {
        assertThat(CHECKS.message(new AddMessage("", "FAX")))
                .extracting(FieldProblem::field)
                .containsExactly("channel", "text");
        assertThat(CHECKS.message(new AddMessage("x".repeat(4001), null)))
                .extracting(FieldProblem::field)
                .containsExactly("text");
        assertThat(CHECKS.message(new AddMessage("还没到", "chat"))).isEmpty();
    }
}
