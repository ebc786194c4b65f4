package io.firebreak.intake.complaint;

import io.firebreak.platform.web.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a client may send to submit a complaint; nothing else is bound. Channel and time are bound as text and
 * checked afterwards ({@link RequestChecks}), so that a wrong channel is reported with every other bad field.
 */
record SubmitComplaint(
        String channel,
        @NotNull(message = "is required") @Valid CustomerRef customer,

        @NotBlank(message = "must not be empty")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Text.Free
        String description,

        @Size(max = 100, message = "must be at most 100 characters") @Text.OneLine
        String productRef,

        @Size(max = 100, message = "must be at most 100 characters") @Text.OneLine
        String orderRef,

        @Size(max = 1000, message = "must be at most 1000 characters") @Text.Free
        String remedySought,

        @Size(max = 40, message = "must be at most 40 characters")
        String happenedAt,

        @Valid ExternalRef externalRef) {

    /** A submission without an external reference. */
    SubmitComplaint(
            String channel,
            CustomerRef customer,
            String description,
            String productRef,
            String orderRef,
            String remedySought,
            String happenedAt) {
        this(channel, customer, description, productRef, orderRef, remedySought, happenedAt, null);
    }

    /**
     * The ticket this complaint is in the submitting system: submitting again with the same reference returns the
     * complaint already received for it.
     */
    record ExternalRef(
            @NotBlank(message = "must not be empty")
            @Size(max = 64, message = "must be at most 64 characters")
            @Text.OneLine
            String system,

            @NotBlank(message = "must not be empty")
            @Size(max = 128, message = "must be at most 128 characters")
            @Text.OneLine
            String id) {}

    /** Who complains: an id the caller knows them by, and/or their contact data. */
    record CustomerRef(
            @Size(max = 64, message = "must be at most 64 characters")
            String id,

            @Size(max = 100, message = "must be at most 100 characters") @Text.OneLine
            String name,

            @Size(max = 32, message = "must be at most 32 characters")
            String phone,

            @Size(max = 254, message = "must be at most 254 characters")
            String email) {}
}
