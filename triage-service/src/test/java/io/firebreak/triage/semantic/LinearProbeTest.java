package io.firebreak.triage.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /**
     * Vectors of one topic (a large shared component) that differ in a small direction: the class is in the small
     * direction, as a danger is in a complaint about a heater, not in the topic, which every example shares.
     */
    @Test
    void learnsTheDirectionThatSeparatesTheClassesNotTheTopicTheyShare() {
        Random random = new Random(7);
        List<float[]> vectors = new ArrayList<>();
        List<ComplaintClass> classes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean major = i % 4 == 0; // the rarer class, weighted up by its rarity
            vectors.add(vector(random, major ? 0.3f : -0.3f));
            classes.add(major ? ComplaintClass.MAJOR : ComplaintClass.ORDINARY);
        }
        LinearProbe probe = LinearProbe.learn(vectors, classes);

        LinearProbe.Reading danger = probe.read(vector(random, 0.3f));
        LinearProbe.Reading none = probe.read(vector(random, -0.3f));
        assertThat(danger.complaintClass()).isEqualTo(ComplaintClass.MAJOR);
        assertThat(danger.probability()).isGreaterThan(0.9);
        assertThat(none.complaintClass()).isEqualTo(ComplaintClass.ORDINARY);
        assertThat(none.probability()).isGreaterThan(0.9);
        // Learned the same way each time: the same examples, the same reading.
        assertThat(LinearProbe.learn(vectors, classes).read(vector(new Random(1), 0.1f)))
                .isEqualTo(probe.read(vector(new Random(1), 0.1f)));
    }

    /** Each of the four classes in a direction of its own: each read as its own, likelier than the three others together. */
    @Test
    void readsEachOfTheFourClassesFromItsOwnDirection() {
        Random random = new Random(11);
        ComplaintClass[] all = ComplaintClass.values();
        List<float[]> vectors = new ArrayList<>();
        List<ComplaintClass> classes = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ComplaintClass c = all[i % all.length];
            vectors.add(towards(random, c.ordinal()));
            classes.add(c);
        }
        LinearProbe probe = LinearProbe.learn(vectors, classes);

        for (ComplaintClass c : all) {
            LinearProbe.Reading reading = probe.read(towards(random, c.ordinal()));
            assertThat(reading.complaintClass()).as("read towards %s", c).isEqualTo(c);
            assertThat(reading.probability()).as("read towards %s", c).isGreaterThan(0.5);
        }
    }

    @Test
    void learnsNothingFromNoExamplesOrFromOneClass() {
        assertThat(LinearProbe.learn(List.of(), List.of())).isNull();
        assertThat(LinearProbe.learn(
                        List.of(new float[] {1, 0}, new float[] {0, 1}),
                        List.of(ComplaintClass.ORDINARY, ComplaintClass.ORDINARY)))
                .isNull();
    }

    /** A topic shared by all (dimension 0), noise, and a step along the class's own dimension (1 to 4). */
    private static float[] towards(Random random, int ordinal) {
        float[] v = vector(random, 0f);
        v[1 + ordinal] += 1f;
        return v;
    }

    /** A topic shared by all (dimension 0), noise, and the class's small direction (dimension 1). */
    private static float[] vector(Random random, float direction) {
        float[] v = new float[16];
        v[0] = 1f;
        for (int j = 1; j < v.length; j++) v[j] = (float) random.nextGaussian() * 0.1f;
        v[1] += direction;
        return v;
    }
}
