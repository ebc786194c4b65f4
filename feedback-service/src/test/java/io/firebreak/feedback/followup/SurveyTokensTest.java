package io.firebreak.feedback.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firebreak.feedback.FeedbackProperties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private final SurveyTokens tokens = new SurveyTokens(
            new FeedbackProperties.Survey("a-secret-of-enough-length", Duration.ofDays(7), "https://cs.example.com"));

    @Test
    void issuedTokenCarriesTheFollowUpAndItsExpiry() {
        SurveyTokens.Link link = tokens.issue("c-1", "r-1", NOW);

        assertThat(link.url()).isEqualTo("https://cs.example.com/survey/" + link.token());
        assertThat(tokens.verify(link.token()))
                .contains(new SurveyTokens.Claims("c-1", "r-1", NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void noTwoLinksAlikeEvenForTheSameResolutionAtTheSameMoment() {
        SurveyTokens.Link first = tokens.issue("c-1", "r-1", NOW);
        SurveyTokens.Link second = tokens.issue("c-1", "r-1", NOW);

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(tokens.verify(first.token())).isEqualTo(tokens.verify(second.token()));
    }

    @Test
    void aLinkIssuedBeforeLinksCarriedANonceStillWorksUnderTheSameSecret() throws Exception {
        String payload = "c-1\nr-1\n" + NOW.plus(Duration.ofDays(7)).getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String earlier = base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));

        assertThat(tokens.verify(earlier))
                .contains(new SurveyTokens.Claims("c-1", "r-1", NOW.plus(Duration.ofDays(7))));
    }

    @Test
    void aMissingOrPlaceholderSecretIsRefusedNamingTheVariable() {
        for (String secret : new String[] {null, " ", "change-me-survey-link-secret"}) {
            assertThatThrownBy(() -> new FeedbackProperties.Survey(secret, Duration.ofDays(7), "https://x"))
                    .as(String.valueOf(secret))
                    .hasMessageContaining("FIREBREAK_FEEDBACK_SURVEY_SECRET");
        }
    }

    @Test
    void alteredForgedOrMalformedTokensAreRejected() {
        String token = tokens.issue("c-1", "r-1", NOW).token();
        SurveyTokens other = new SurveyTokens(
                new FeedbackProperties.Survey("another-secret-entirely", Duration.ofDays(7), "https://x"));
        String payload = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherPayload = other.issue("c-2", "r-1", NOW).token();

        assertThat(tokens.verify(other.issue("c-1", "r-1", NOW).token())).isEmpty();
        assertThat(tokens.verify(otherPayload.substring(0, otherPayload.indexOf('.')) + "." + signature))
                .isEmpty();
        assertThat(tokens.verify(payload)).isEmpty();
        assertThat(tokens.verify("not a token")).isEmpty();
        assertThat(tokens.verify("%%%.###")).isEmpty();
    }
}
