package io.firebreak.triage.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.Channel;
import io.firebreak.events.ComplaintClass;
import io.firebreak.triage.Shipped;
import io.firebreak.triage.decision.LabelledComplaints.Item;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The shipped rules and routing against complaints a person classified: accuracy per class and overall, printed as a
 * table with every miss, so a change to the rules shows what it wins and loses.
 */
class LabelledComplaintsTest {

    private final LabelledComplaints labelled = LabelledComplaints.load();

    @Test
    void shippedRulesClassifyTheLabelledComplaintsWellAndNeverMissAMajorOne() {
        Score score = score("Labelled complaints, shipped rules", labelled);

        assertThat(labelled.items()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(score.majorAsOrdinary()).as("MAJOR complaints classified ORDINARY").isEmpty();
        assertThat(score.overall()).as("overall accuracy").isGreaterThanOrEqualTo(0.90);
    }

    /**
     * The labelled set above was used to tune the rules; these complaints were written afterwards and never were, so
     * their accuracy is the honest estimate for unseen wording (80% when they were added: most misses are complaints
     * no department's phrases take, which the rules then call DIFFICULT). The floor guards against a regression.
     */
    @Test
    void complaintsTheRulesWereNeverTunedOnAreMostlyRightAndNoMajorOneIsCalledOrdinary() {
        LabelledComplaints heldOut = LabelledComplaints.load("held-out-complaints.tsv");
        Score score = score("Held-out complaints, shipped rules", heldOut);

        assertThat(heldOut.items()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(score.majorAsOrdinary()).as("MAJOR complaints classified ORDINARY").isEmpty();
        assertThat(score.overall()).as("overall accuracy").isGreaterThanOrEqualTo(0.75);
    }

    private record Score(double overall, List<Item> majorAsOrdinary) {}

    private static Score score(String title, LabelledComplaints set) {
        Map<ComplaintClass, int[]> perClass = new EnumMap<>(ComplaintClass.class);
        List<String> misses = new ArrayList<>();
        List<Item> majorAsOrdinary = new ArrayList<>();
        int right = 0;
        for (Item item : set.items()) {
            TriageDecisions.Assessment assessment = TriageDecisions.assess(Shipped.settings(), item.text(), null,
                    Channel.WEB_FORM, item.earlierComplaintIds(), null);
            ComplaintClass actual = assessment.result().complaintClass();
            int[] counts = perClass.computeIfAbsent(item.expected(), c -> new int[2]);
            counts[1]++;
            if (actual == item.expected()) {
                counts[0]++;
                right++;
            } else {
                misses.add(String.format("  line %3d  expected %-9s got %-9s %s%n            %s", item.line(),
                        item.expected(), actual, item.text(), assessment.result().reasons().stream()
                                .map(r -> r.rule() + " [" + r.evidence() + "]").collect(Collectors.joining("; "))));
                if (item.expected() == ComplaintClass.MAJOR && actual == ComplaintClass.ORDINARY) {
                    majorAsOrdinary.add(item);
                }
            }
        }
        double overall = right / (double) set.items().size();
        StringBuilder table = new StringBuilder("\n" + title + "\n");
        table.append(String.format("  %-10s %8s %8s %9s%n", "class", "right", "total", "accuracy"));
        perClass.forEach((c, n) -> table.append(String.format("  %-10s %8d %8d %8.1f%%%n", c, n[0], n[1],
                100.0 * n[0] / n[1])));
        table.append(String.format("  %-10s %8d %8d %8.1f%%%n", "overall", right, set.items().size(), 100.0 * overall));
        if (!misses.isEmpty()) table.append("Misses:\n").append(String.join("\n", misses)).append('\n');
        System.out.println(table);
        return new Score(overall, majorAsOrdinary);
    }

    @Test
    void labelledSetIsAtLeastHalfChineseAndCoversEveryClass() {
        long chinese = labelled.items().stream().filter(i -> i.text().codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).count();

        assertThat(chinese * 2).isGreaterThanOrEqualTo(labelled.items().size());
        assertThat(labelled.items()).extracting(Item::expected).contains(ComplaintClass.values());
    }
}
