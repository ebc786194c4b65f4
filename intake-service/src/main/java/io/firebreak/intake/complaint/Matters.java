package io.firebreak.intake.complaint;

/**
 * Whether a new submission is about the same matter as an earlier complaint, as a handler would judge it: the
 * order decides when both name one (two different orders are two matters, however alike the words); else the
 * product when both name one; else the words, alike at least to the configured similarity.
 */
final class Matters {

    private Matters() {}

    static boolean same(Complaint earlier, String orderRef, String productRef, String text, double similarity) {
        if (orderRef != null && earlier.orderRef() != null) return orderRef.equalsIgnoreCase(earlier.orderRef());
        if (productRef != null && earlier.productRef() != null) {
            return productRef.equalsIgnoreCase(earlier.productRef());
        }
        if (TextSimilarity.jaccard(text, earlier.description()) >= similarity) return true;
        return earlier.messages().stream()
                .filter(Complaint.Message::mergedDuplicate)
                .anyMatch(m -> TextSimilarity.jaccard(text, m.text()) >= similarity);
    }
}
