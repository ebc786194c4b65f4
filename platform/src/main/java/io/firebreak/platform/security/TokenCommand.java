package io.firebreak.platform.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Mints a token signed with the shared secret, from the command line of any service's image: for a scraper
 * (Prometheus, role METRICS, as the Compose {@code observability} profile does) or a first ADMIN where no identity
 * provider issues tokens yet.
 *
 * <pre>
 * java -cp application.jar -Dloader.main=io.firebreak.platform.security.TokenCommand \
 *      org.springframework.boot.loader.launch.PropertiesLauncher METRICS prometheus --ttl P7D --out /tokens/scrape
 * </pre>
 *
 * The secret and the issuer come from {@code FIREBREAK_SECURITY_JWT_SECRET} and {@code FIREBREAK_SECURITY_ISSUER}
 * (default {@code firebreak}), as the services read them. The token is printed, or written to {@code --out} (whole or
 * not at all, readable by others: a scraper's file).
 */
public final class TokenCommand {

    static final String USAGE = "Usage: TokenCommand <ROLE[,ROLE…]> <subject> [--departments D1,D2] [--ttl P7D] "
            + "[--out FILE]   (roles: " + String.join(", ", Roles.ALL) + ")";

    private TokenCommand() {}

    public static void main(String[] args) {
        int status = run(args, System.getenv(), System.out, System.err);
        if (status != 0) System.exit(status);
    }

    /** Mints as {@link #main} does; 0 when done, 2 for bad arguments or settings (said on {@code err}). */
    static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            Request request = Request.parse(args);
            String token = JwtTokens.mint(
                    environment.get("FIREBREAK_SECURITY_JWT_SECRET"),
                    environment.getOrDefault("FIREBREAK_SECURITY_ISSUER", "firebreak"),
                    request.subject(),
                    request.roles(),
                    request.departments(),
                    request.ttl());
            if (request.out() == null) {
                out.println(token);
            } else {
                Path temporary = request.out().resolveSibling(request.out().getFileName() + ".new");
                Files.writeString(temporary, token + "\n", StandardCharsets.UTF_8);
                Files.move(
                        temporary, request.out(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                out.println("Token for " + request.subject() + " " + request.roles() + ", valid for " + request.ttl()
                        + ", written to " + request.out());
            }
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("Cannot write the token: " + e);
            return 2;
        }
    }

    record Request(List<String> roles, String subject, List<String> departments, Duration ttl, Path out) {

        /** The longest lifetime the services accept (31 days); a scraper's token is renewed well before. */
        static final Duration MAX_TTL = Duration.ofDays(31);

        static Request parse(String[] args) {
            if (args.length < 2) throw new IllegalArgumentException("A role and a subject are required");
            List<String> roles =
                    Arrays.stream(args[0].split(",")).map(String::strip).toList();
            for (String role : roles) {
                if (!Roles.ALL.contains(role)) throw new IllegalArgumentException("Unknown role " + role);
            }
            String subject = args[1].strip();
            if (subject.isEmpty()) throw new IllegalArgumentException("The subject is empty");
            List<String> departments = List.of();
            Duration ttl = Duration.ofDays(7);
            Path out = null;
            for (int i = 2; i < args.length; i++) {
                String option = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException(option + " needs a value");
                String value = args[++i];
                switch (option) {
                    case "--departments" ->
                        departments = Arrays.stream(value.split(","))
                                .map(String::strip)
                                .toList();
                    case "--ttl" -> ttl = ttl(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("Unknown option " + option);
                }
            }
            return new Request(roles, subject, departments, ttl, out);
        }

        private static Duration ttl(String value) {
            Duration ttl;
            try {
                ttl = Duration.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--ttl " + value + " is not an ISO-8601 duration such as P7D");
            }
            if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
                throw new IllegalArgumentException("--ttl must be more than nothing and at most " + MAX_TTL);
            }
            return ttl;
        }
    }
}
