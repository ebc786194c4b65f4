package io.firebreak.intake.complaint;

import io.firebreak.platform.web.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's answer to the case's proposal, as a ticketing system reports it. */
record AnswerProposal(
        @NotNull(message = "is required: true if the customer accepted the proposal")
        Boolean accepted,

        @Size(max = 2000, message = "must be at most 2000 characters") @Text.Free
        String comment) {}
