package io.firebreak.intake.complaint;

import io.firebreak.platform.web.IdempotentRequests;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A submission's {@code Idempotency-Key}, kept in the complaint's own write rather than in a record of its own: the
 * complaint the submission opened holds it (unique, so that two instances cannot both open one for it), the open
 * complaint it was merged into remembers it among its merged keys. A retry (same caller, same key) is known from the
 * complaint itself, which the customer's recent complaints or the unique index bring anyway: answered with that
 * complaint, or refused (422) when the key came with another submission. One write a submission instead of three,
 * and no moment between the complaint's write and its key's in which a crash would let a retry submit again.
 *
 * @param key the key as the platform keeps keys ({@link IdempotentRequests#keyOf}: caller, endpoint, key)
 * @param fingerprint a digest of the submission as it was read, to tell a retry from another submission
 */
record SubmissionKey(String key, String fingerprint) {

    private static final String ENDPOINT = "POST /api/v1/complaints";
    /** How a merged submission's key is remembered among the merged external keys (which start with a client). */
    private static final String MERGED = "idempotency-key\n";

    /** Whether a complaint holds the key: not at all, for this very submission, or for another one. */
    enum Held {
        NOT,
        SAME,
        OTHER
    }

    /** The key of a submission from {@code caller} (the token subject); null without a key. */
    static SubmissionKey of(String caller, String idempotencyKey, SubmitComplaint request) {
        return idempotencyKey == null
                ? null
                : new SubmissionKey(
                        IdempotentRequests.keyOf(caller, ENDPOINT, idempotencyKey),
                        IdempotentRequests.sha256(canonical(request)));
    }

    /** What {@code c} holds of this key: opened with it, or merged it, for this submission or another. */
    Held in(Complaint c) {
        if (key.equals(c.idempotencyKey())) {
            return fingerprint.equals(c.idempotencyFingerprint()) ? Held.SAME : Held.OTHER;
        }
        String prefix = MERGED + key + '\n';
        for (String merged : c.mergedExternalKeys()) {
            if (merged.startsWith(prefix)) return merged.equals(asMerged()) ? Held.SAME : Held.OTHER;
        }
        return Held.NOT;
    }

    /** As the complaint the submission was merged into remembers it. */
    String asMerged() {
        return MERGED + key + '\n' + fingerprint;
    }

    /** Every field of the submission, each with its length before it, so that no two submissions read alike. */
    private static String canonical(SubmitComplaint r) {
        SubmitComplaint.CustomerRef c = r.customer();
        SubmitComplaint.ExternalRef e = r.externalRef();
        return Arrays.asList(
                        r.channel(),
                        c == null ? null : c.id(),
                        c == null ? null : c.name(),
                        c == null ? null : c.phone(),
                        c == null ? null : c.email(),
                        r.description(),
                        r.productRef(),
                        r.orderRef(),
                        r.remedySought(),
                        r.happenedAt(),
                        e == null ? null : e.system(),
                        e == null ? null : e.id())
                .stream()
                .map(v -> v == null ? "-" : v.length() + ":" + v)
                .collect(Collectors.joining(","));
    }
}
