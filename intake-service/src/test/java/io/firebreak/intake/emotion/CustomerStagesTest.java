package io.firebreak.intake.emotion;

import static io.firebreak.events.CustomerStage.ABOUT_TO_GRIEVE;
import static io.firebreak.events.CustomerStage.COMPLAINT;
import static io.firebreak.events.CustomerStage.ESCALATED_COMPLAINT;
import static io.firebreak.events.CustomerStage.EXPLICIT_GRIEVANCE;
import static io.firebreak.events.CustomerStage.LATENT_DISSATISFACTION;
import static io.firebreak.events.CustomerStage.POTENTIAL_COMPLAINT;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.EmotionLevel;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class CustomerStagesTest {

    static final EmotionReader READER = EmotionReaderTest.READER;

    @Test
    void aCalmCustomerIsLatentlyDissatisfiedUntilTheyStateTheGrievance() {
        assertThat(READER.read("The colour is a little different from the picture")
                        .stage())
                .isEqualTo(LATENT_DISSATISFACTION);
        assertThat(READER.read("The colour is different, I want to return it").stage())
                .isEqualTo(EXPLICIT_GRIEVANCE);
        assertThat(READER.read("颜色和图片不一样", 0, true).stage())
                .as("a remedy sought states it")
                .isEqualTo(EXPLICIT_GRIEVANCE);
        assertThat(READER.read("我要投诉，快递员态度不好").stage()).isEqualTo(EXPLICIT_GRIEVANCE);
    }

    @Test
    void anUpsetCustomerIsAboutToGrieveOrGrievesExplicitly() {
        assertThat(READER.read("有点失望").stage()).isEqualTo(ABOUT_TO_GRIEVE);
        assertThat(READER.read("有点失望，要求退款").stage()).isEqualTo(EXPLICIT_GRIEVANCE);
    }

    @Test
    void angerIsAPotentialComplaintAndAThreatOrFuryAComplaint() {
        assertThat(READER.read("This is outrageous").stage()).isEqualTo(POTENTIAL_COMPLAINT);
        assertThat(READER.read("我要找律师").stage()).isEqualTo(COMPLAINT);
        assertThat(CustomerStages.infer(
                        EmotionLevel.FURIOUS,
                        EnumSet.of(SignalKind.ANGER_WORD, SignalKind.CAPS, SignalKind.INTENSITY),
                        false))
                .isEqualTo(COMPLAINT);
    }

    @Test
    void goingOverOurHeadsOrComingBackAgainEscalates() {
        assertThat(READER.read("I want to speak to your manager").stage()).isEqualTo(ESCALATED_COMPLAINT);
        assertThat(READER.read("我要打12315").stage()).isEqualTo(ESCALATED_COMPLAINT);
        assertThat(READER.read("我要发到网上让大家看看").stage()).isEqualTo(ESCALATED_COMPLAINT);
        assertThat(READER.read("The parcel is still missing", 1, false).stage()).isEqualTo(ESCALATED_COMPLAINT);
    }

    @Test
    void aStageNeverFalls() {
        assertThat(CustomerStages.higher(ESCALATED_COMPLAINT, LATENT_DISSATISFACTION))
                .isEqualTo(ESCALATED_COMPLAINT);
        assertThat(CustomerStages.higher(ABOUT_TO_GRIEVE, COMPLAINT)).isEqualTo(COMPLAINT);
        assertThat(CustomerStages.higher(null, COMPLAINT)).isEqualTo(COMPLAINT);
    }
}
