package io.firebreak.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text component of an event whose values are a closed set (what triggered it, a kind): one of the dimensions the
 * event is counted by, as its enum and yes/no components are. A free text or an id never is one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Dimension {}
