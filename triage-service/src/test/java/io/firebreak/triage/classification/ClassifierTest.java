package io.firebreak.triage.classification;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.Reason;
import io.firebreak.platform.test.ShippedProperties;
import io.firebreak.triage.TriageProperties;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassifierTest {

    private static final TriageProperties SHIPPED =
            ShippedProperties.bind("triage.yml", "firebreak.triage", TriageProperties.class);

    private final Classifier classifier = new Classifier(SHIPPED);

    @Test
    void chineseLegalThreatIsMajorWithItsEvidence() {
        Classifier.Result result = classifier.classify("我已经找了律师，准备去法院起诉你们");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(result.reasons()).containsExactly(new Reason("legal-action", "律师, 起诉, 法院"));
    }

    @Test
    void regulatorConsumerBodyMediaAndHarmEachMakeAComplaintMajor() {
        assertThat(classifier.classify("我要向12315举报").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("我会去消协").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("I will write to the ombudsman").complaintClass())
                .isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("我要找媒体曝光你们").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("A journalist friend will hear of this").complaintClass())
                .isEqualTo(ComplaintClass.MAJOR);
        assertThat(classifier.classify("孩子用了以后过敏住院了").complaintClass()).isEqualTo(ComplaintClass.MAJOR);
    }

    @Test
    void askingForASuperiorIsEscalatedInEitherLanguage() {
        assertThat(classifier.classify("I want to speak to your manager").reasons())
                .containsExactly(new Reason("asks-for-superior", "manager"));
        assertThat(classifier.classify("叫你们经理出来").complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(classifier.classify("我要投诉你们").complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
    }

    @Test
    void noRuleFiringIsOrdinaryAndSaysSo() {
        Classifier.Result result = classifier.classify("The parcel arrived a day late, please check the issue.");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(result.reasons()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo(Classifier.NO_RULE_FIRED);
            assertThat(r.evidence()).contains(result.ruleSetVersion());
        });
    }

    @Test
    void mostSevereClassWinsAndEveryRuleThatFiredIsKept() {
        Classifier.Result result =
                classifier.classify("叫你们领导来！不然我就请律师，还要找记者曝光，再打12315");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(result.reasons()).containsExactly(
                new Reason("legal-action", "律师"),
                new Reason("regulator-or-consumer-body", "12315"),
                new Reason("media-exposure", "曝光, 记者"),
                new Reason("asks-for-superior", "领导"));
    }

    @Test
    void decisionCarriesTheRuleSetVersion() {
        assertThat(classifier.classify("anything").ruleSetVersion())
                .isEqualTo(SHIPPED.classification().version())
                .isEqualTo(classifier.version());
    }

    @Test
    void rulesComeFromConfigurationIncludingOtherClasses() {
        TriageProperties custom = new TriageProperties(new TriageProperties.Classification("custom-1", List.of(
                        new TriageProperties.Rule("no-policy", ComplaintClass.DIFFICULT, List.of("no policy", "没有规定")),
                        new TriageProperties.Rule("repeat", ComplaintClass.ESCALATED, List.of("again", "又一次")))),
                SHIPPED.routing(), SHIPPED.sla());
        Classifier configured = new Classifier(custom);

        Classifier.Result result = configured.classify("又一次！你们说没有规定？");

        assertThat(result.complaintClass()).isEqualTo(ComplaintClass.ESCALATED);
        assertThat(result.reasons()).containsExactly(new Reason("no-policy", "没有规定"), new Reason("repeat", "又一次"));
        assertThat(result.ruleSetVersion()).isEqualTo("custom-1");
        assertThat(configured.classify("I want to sue").complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
    }
}
