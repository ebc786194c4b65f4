package io.firebreak.intake.complaint;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Complaint ids a person can read out on the phone: {@code C261123-7F3K9Q} (date, then six characters drawn at
 * random: about 10^9 a day, so among a busy day's complaints one is now and then drawn twice; intake then draws
 * another).
 */
@Component
public class ComplaintIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    public ComplaintIds(Clock clock) {
        this.clock = clock;
    }

    /** A new id, most likely never given before. */
    public String next() {
        StringBuilder id =
                new StringBuilder("C").append(DAY.format(clock.instant())).append('-');
        for (int i = 0; i < 6; i++) id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return id.toString();
    }
}
