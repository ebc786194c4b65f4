package io.firebreak.intake.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Shares a complaint with an integration client, named by its token subject. */
record ShareComplaint(
        @NotBlank(message = "must not be empty")
        @Pattern(regexp = "[A-Za-z0-9._:@-]{1,128}", message = "must be a client id (letters, digits, . _ : @ -)")
        String client) {}
