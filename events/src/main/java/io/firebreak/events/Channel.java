package io.firebreak.events;

/** Where a complaint came in. */
public enum Channel {
    PHONE,
    EMAIL,
    WEB_FORM,
    CHAT,
    SOCIAL_MEDIA,
    IN_PERSON,
    LETTER
}
