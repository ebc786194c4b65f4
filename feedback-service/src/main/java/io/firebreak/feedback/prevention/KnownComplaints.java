package io.firebreak.feedback.prevention;

import java.util.List;
import java.util.Map;

/** What feedback has heard of complaints: a prevention action groups only real ones, and knows where they stand. */
public interface KnownComplaints {

    boolean knows(String complaintId);

    /** The status of each complaint feedback has heard of (RECEIVED … CLOSED), by id; an unknown one is absent. */
    Map<String, String> statuses(List<String> complaintIds);
}
