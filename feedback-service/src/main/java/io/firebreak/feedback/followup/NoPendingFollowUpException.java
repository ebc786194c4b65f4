package io.firebreak.feedback.followup;

/** A follow-up was recorded for a complaint with none pending (answered 409). */
class NoPendingFollowUpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoPendingFollowUpException(String complaintId) {
        super("Complaint " + complaintId + " has no follow-up pending: it is not resolved yet, or the follow-up of "
                + "its latest resolution was recorded already.");
    }
}
