package io.firebreak.intake.complaint;

import io.firebreak.events.Channel;
import io.firebreak.intake.customer.Contact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a client may send to submit a complaint; nothing else is bound. */
record SubmitComplaint(
        @NotNull(message = "is required; one of PHONE, EMAIL, WEB_FORM, CHAT, SOCIAL_MEDIA, IN_PERSON, LETTER")
                Channel channel,
        @NotNull(message = "is required") @Valid CustomerRef customer,
        @NotBlank(message = "must not be empty") @Size(max = 4000, message = "must be at most 4000 characters")
                String description,
        @Size(max = 100, message = "must be at most 100 characters") String productRef,
        @Size(max = 100, message = "must be at most 100 characters") String orderRef,
        @Size(max = 1000, message = "must be at most 1000 characters") String remedySought) {

    /** Who complains: an id the caller knows them by, and/or their contact data. */
    record CustomerRef(
            @Size(max = 64, message = "must be at most 64 characters") String id,
            @Size(max = 100, message = "must be at most 100 characters") String name,
            @Size(max = 32, message = "must be at most 32 characters") String phone,
            @Size(max = 254, message = "must be at most 254 characters") String email) {

        @AssertTrue(message = "give at least one of id, phone or email")
        boolean isIdentifiable() {
            return notBlank(id) || notBlank(phone) || notBlank(email);
        }

        @AssertTrue(message = "is not a phone number")
        boolean isPhoneValid() {
            return !notBlank(phone) || Contact.isPhone(phone);
        }

        @AssertTrue(message = "is not an email address")
        boolean isEmailValid() {
            return !notBlank(email) || Contact.isEmail(email);
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }
}
