package io.firebreak.events;

/** An event about one complaint: keyed by the complaint id, so one complaint's events stay in order. */
public interface ComplaintEvent extends FirebreakEvent {

    String complaintId();

    @Override
    default String subject() {
        return complaintId();
    }
}
