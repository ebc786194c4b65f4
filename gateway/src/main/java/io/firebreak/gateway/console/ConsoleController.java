package io.firebreak.gateway.console;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.firebreak.platform.security.Roles;
import io.firebreak.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The console's ways to sign in: the identity provider's code flow where one is configured ({@link ConsoleOidc}), and
 * the picker on the standalone system: the staff's role tokens it issued (AGENT, SUPERVISOR, from
 * {@code data/tokens.env}, named by {@code firebreak.gateway.console.sign-in-tokens}), offered to a browser on this
 * machine only. Anywhere else (the setting is absent, or the caller is not on loopback) there is nothing to pick:
 * 404, and people sign in with their identity provider's token. And who else has a case open, for the case view.
 */
@Hidden // the console's, not the API's
@RestController
class ConsoleController {

    private static final Pattern COMPLAINT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** The roles the console is for. */
    private static final List<String> STAFF = List.of(Roles.AGENT, Roles.SUPERVISOR);

    private final Path tokensFile;
    private final Viewers viewers;
    private final ConsoleOidc oidc;

    ConsoleController(
            @Value("${firebreak.gateway.console.sign-in-tokens:}") String tokensFile,
            Viewers viewers,
            ConsoleOidc oidc) {
        this.tokensFile = tokensFile.isBlank() ? null : Path.of(tokensFile);
        this.viewers = viewers;
        this.oidc = oidc;
    }

    record Viewing(List<String> others) {}

    /**
     * A case view's heartbeat: the caller has the case open; the answer names the others who have it open (the
     * console shows them, so that two people do not answer one customer at once).
     */
    @PostMapping("/console/cases/{complaintId}/viewers")
    Viewing viewing(@PathVariable String complaintId, Authentication who) {
        if (!COMPLAINT_ID.matcher(complaintId).matches())
            throw ProblemException.badRequest("complaintId", "is not a complaint id");
        return new Viewing(viewers.viewing(complaintId, who.getName()));
    }

    record Offered(String role, String token) {}

    /** The identity provider's sign-in as the console runs it (nothing secret: a public client). */
    record Provider(String name, URI authorizationEndpoint, URI tokenEndpoint, String clientId, String scope) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SignIn(List<Offered> tokens, Provider oidc) {}

    /**
     * The ways to sign in: the identity provider's, where one is configured, and on the standalone system the role
     * tokens it issued, to a browser on this machine only. Neither: 404 (people paste a token).
     */
    @GetMapping("/console/sign-in")
    ResponseEntity<SignIn> signIn(HttpServletRequest request) {
        boolean picker = tokensFile != null && loopback(request.getRemoteAddr()) && Files.isRegularFile(tokensFile);
        if (!picker && !oidc.configured())
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        Provider provider = oidc.configured()
                ? new Provider(
                        oidc.name(), oidc.authorizationEndpoint(), oidc.tokenEndpoint(), oidc.clientId(), oidc.scope())
                : null;
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(new SignIn(picker ? read(tokensFile) : List.of(), provider));
    }

    /** The {@code <ROLE>_TOKEN=<token>} lines of the file, in its order. */
    static List<Offered> read(Path file) {
        List<Offered> offered = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.indexOf('=');
                if (line.startsWith("#") || equals < 0) continue;
                String name = line.substring(0, equals).strip();
                String role = name.endsWith("_TOKEN") ? name.substring(0, name.length() - "_TOKEN".length()) : "";
                if (STAFF.contains(role))
                    offered.add(new Offered(role, line.substring(equals + 1).strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return offered;
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
