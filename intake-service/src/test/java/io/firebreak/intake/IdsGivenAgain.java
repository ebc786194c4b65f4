package io.firebreak.intake;

import io.firebreak.intake.complaint.ComplaintIds;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Complaint ids as intake draws them, except that a test can have an id it names drawn next (one given before). */
class IdsGivenAgain extends ComplaintIds {

    private final Queue<String> next = new ConcurrentLinkedQueue<>();

    IdsGivenAgain(Clock clock) {
        super(clock);
    }

    /** The next draws give these ids, in order; then ids are drawn as usual. */
    void drawNext(String... ids) {
        next.addAll(List.of(ids));
    }

    @Override
    public String next() {
        String given = next.poll();
        return given != null ? given : super.next();
    }

    @TestConfiguration
    static class Configuration {
        @Bean
        @Primary
        IdsGivenAgain idsGivenAgain(Clock clock) {
            return new IdsGivenAgain(clock);
        }
    }
}
