package io.firebreak.feedback.prevention;

/** Whether feedback has heard of a complaint: a prevention action groups only real ones. */
public interface KnownComplaints {

    boolean knows(String complaintId);
}
