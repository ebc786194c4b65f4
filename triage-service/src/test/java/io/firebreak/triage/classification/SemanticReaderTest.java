package io.firebreak.triage.classification;

import static io.firebreak.events.ComplaintClass.MAJOR;
import static io.firebreak.events.ComplaintClass.ORDINARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.triage.classification.SemanticReader.Neighbour;
import io.firebreak.triage.classification.SemanticReader.Opinion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nearest labelled complaints vote by similarity; a tie goes to the more severe class. */
class SemanticReaderTest {

    @Test
    void the_class_with_the_most_similarity_among_the_nearest_wins_with_its_share() {
        Opinion opinion = Opinion.of(List.of(
                        new Neighbour("the kettle sparked", MAJOR, 0.9),
                        new Neighbour("the kettle is slow", ORDINARY, 0.5),
                        new Neighbour("the kettle smoked", MAJOR, 0.6)))
                .orElseThrow();

        assertThat(opinion.complaintClass()).isEqualTo(MAJOR);
        assertThat(opinion.share()).isCloseTo(1.5 / 2.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(opinion.nearest()).extracting(Neighbour::text).first().isEqualTo("the kettle sparked");
        assertThat(opinion.example().text()).isEqualTo("the kettle sparked");
    }

    @Test
    void more_neighbours_of_a_class_outweigh_one_nearer_neighbour_of_another() {
        Opinion opinion = Opinion.of(List.of(
                        new Neighbour("a", MAJOR, 0.9),
                        new Neighbour("b", ORDINARY, 0.8),
                        new Neighbour("c", ORDINARY, 0.7)))
                .orElseThrow();

        assertThat(opinion.complaintClass()).isEqualTo(ORDINARY);
        assertThat(opinion.example().text()).isEqualTo("b");
    }

    @Test
    void a_labelled_sets_words_are_quoted_and_a_corrections_are_named_by_their_complaint_only() {
        assertThat(new Neighbour("the kettle sparked", MAJOR, 0.9, "hard-complaints.tsv").shown())
                .isEqualTo("“the kettle sparked”");
        // A correction's words are a customer's: another complaint's record names the complaint, never quotes them.
        String shown = new Neighbour(
                        "Mrs Li's kettle sparked at 12 Elm Road",
                        MAJOR,
                        0.9,
                        SemanticReader.correctionOf("CMP-20261203-0001"))
                .shown();
        assertThat(shown).contains("CMP-20261203-0001").doesNotContain("Elm Road");
    }

    @Test
    void a_tie_goes_to_the_more_severe_class_and_no_neighbours_give_no_opinion() {
        Opinion opinion = Opinion.of(List.of(new Neighbour("a", ORDINARY, 0.7), new Neighbour("b", MAJOR, 0.7)))
                .orElseThrow();

        assertThat(opinion.complaintClass()).isEqualTo(MAJOR);
        assertThat(Opinion.of(List.of())).isEmpty();
        assertThat(SemanticReader.NONE.read("the kettle sparked")).isEmpty();
    }
}
