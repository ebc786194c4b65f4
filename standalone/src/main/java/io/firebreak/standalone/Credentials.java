package io.firebreak.standalone;

import io.firebreak.platform.security.JwtTokens;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.security.StaffScope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The standalone system's own token issuer: a signing secret made once and kept in the data directory (so tokens
 * stay valid across restarts), and one token per role for people and scripts.
 */
final class Credentials {

    /** The issuer every context is told to expect; the platform's default. */
    static final String ISSUER = "firebreak";

    static final Duration TOKEN_TTL = Duration.ofDays(30);

    private static final int SECRET_BYTES = 48;

    private Credentials() {}

    /** The secret in {@code file}, made and written there (readable by the owner only) if there is none yet. */
    static String loadOrCreateSecret(Path file) {
        try {
            if (Files.exists(file)) {
                String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
                JwtTokens.key(secret); // fails early, with the property's name, if someone shortened it
                return secret;
            }
            byte[] random = new byte[SECRET_BYTES];
            new SecureRandom().nextBytes(random);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            writePrivate(file, secret + "\n");
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One token per role (AGENT, SUPERVISOR, INTEGRATION, ADMIN, METRICS), in that order, valid for
     * {@link #TOKEN_TTL}.
     */
    static Map<String, String> mintPerRole(String secret) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String role : Roles.ALL) {
            String subject = "standalone-" + role.toLowerCase(Locale.ROOT);
            // The standalone system's staff work for every department.
            boolean staff = role.equals(Roles.AGENT) || role.equals(Roles.SUPERVISOR);
            tokens.put(
                    role,
                    JwtTokens.mint(
                            secret,
                            ISSUER,
                            subject,
                            List.of(role),
                            staff ? List.of(StaffScope.EVERY) : List.of(),
                            TOKEN_TTL));
        }
        return tokens;
    }

    /** Writes the tokens as shell lines ({@code AGENT_TOKEN=...}) that a script can {@code source}. */
    static void writeEnvFile(Path file, URI gateway, Map<String, String> tokens) {
        StringBuilder text = new StringBuilder()
                .append("# Firebreak standalone: the gateway and a bearer token per role, valid until ")
                .append(Instant.now().plus(TOKEN_TTL).truncatedTo(ChronoUnit.SECONDS))
                .append(".\n")
                .append("# Usage: source data/tokens.env\n")
                .append("#   curl -H \"Authorization: Bearer $AGENT_TOKEN\" \"$FIREBREAK_URL/api/v1/complaints\"\n")
                .append("FIREBREAK_URL=")
                .append(gateway)
                .append('\n');
        tokens.forEach((role, token) ->
                text.append(role).append("_TOKEN=").append(token).append('\n'));
        try {
            writePrivate(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(
                    temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        // A reader never sees half a file.
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
