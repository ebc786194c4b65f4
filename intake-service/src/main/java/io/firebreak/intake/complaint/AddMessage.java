package io.firebreak.intake.complaint;

import io.firebreak.platform.web.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A later message from the customer on an open complaint; the channel is the complaint's unless given. */
record AddMessage(
        @NotBlank(message = "must not be empty")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Text.Free
        String text,

        String channel) {}
