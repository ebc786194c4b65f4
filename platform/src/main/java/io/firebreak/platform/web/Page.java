package io.firebreak.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the one shape of every list the API answers: {@code items}, and {@code next}, the cursor of
 * the following page ({@code ?cursor=}), absent on the last page.
 */
public record Page<T>(
        List<T> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) String next) {

    public Page {
        items = List.copyOf(items);
    }

    /** A whole list in one page. */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, null);
    }

    public <R> Page<R> map(Function<? super T, ? extends R> view) {
        return new Page<>(items.stream().<R>map(view).toList(), next);
    }
}
