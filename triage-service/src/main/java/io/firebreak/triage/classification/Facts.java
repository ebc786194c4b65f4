package io.firebreak.triage.classification;

import io.firebreak.events.CustomerStage;
import io.firebreak.platform.text.ScannedText;
import java.util.List;

/**
 * What the rules look at: the customer's words, and, where known, the earlier complaints on the same matter, the
 * customer's stage and the departments the complaint was routed to (empty: none took it), of them those named only by
 * a remedy asked for or by the channel ({@code workOnly}: they take part in the work, not in the fault). Null means
 * not known, and a rule on an unknown fact does not fire (a later message says nothing about history or routing).
 */
public record Facts(
        ScannedText text,
        List<String> earlierComplaintIds,
        CustomerStage stage,
        List<String> departments,
        List<String> workOnly) {

    public Facts(ScannedText text, List<String> earlierComplaintIds, CustomerStage stage, List<String> departments) {
        this(text, earlierComplaintIds, stage, departments, List.of());
    }

    /** Words only, as in a later message. */
    public static Facts ofText(String text) {
        return new Facts(ScannedText.of(text), null, null, null);
    }

    /** The departments the complaint's faults name: those routed to, but those only in the work. */
    public List<String> sharing() {
        if (departments == null) return null;
        if (workOnly == null || workOnly.isEmpty()) return departments;
        return departments.stream().filter(d -> !workOnly.contains(d)).toList();
    }
}
