package io.firebreak.intake.complaint;

import io.firebreak.platform.web.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** An attachment's metadata from a ticketing system; the file stays there, at {@code url}. No upload. */
record AddAttachment(
        @NotBlank(message = "must not be empty")
        @Size(max = 255, message = "must be at most 255 characters")
        @Text.OneLine
        String name,

        @NotBlank(message = "must not be empty")
        @Pattern(
                regexp = "[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}/[a-zA-Z0-9][a-zA-Z0-9!#$&^_.+-]{0,126}",
                message = "must be a media type such as image/png")
        String mediaType,

        @NotNull(message = "is required") @PositiveOrZero(message = "must be 0 or more")
        Long size,

        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = "[a-z0-9-]{2,16}:[0-9a-fA-F]{8,128}", message = "must be algorithm:hex, e.g. sha256:9f86d0…")
        String checksum,

        @NotBlank(message = "must not be empty")
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Text.OneLine
        String url) {}
