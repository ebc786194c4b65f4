package io.firebreak.triage.settings;

import io.firebreak.platform.outbox.ConcurrentChangeException;
import io.firebreak.platform.web.ProblemException;
import io.firebreak.triage.check.FieldProblem;
import io.firebreak.triage.classification.RuleSet;
import io.firebreak.triage.routing.RoutingTable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The active rule set and routing table: supervisors and administrators read them, administrators replace them.
 * A replacement is checked whole; any wrong field refuses it with 400 problem+json naming every such field, and the
 * active version stays. Accepted, it becomes a new version that the next complaint is decided with. What GET answers
 * can be sent back with PUT: the version fields are the server's and are ignored.
 */
@RestController
@RequestMapping("/api/v1/triage")
class SettingsController {

    private final SettingsStore store;

    SettingsController(SettingsStore store) {
        this.store = store;
    }

    @GetMapping("/rules")
    RuleSetView rules() {
        return RuleSetView.of(store.activeRules());
    }

    @PutMapping("/rules")
    RuleSetView replaceRules(@RequestBody RuleSet set, Authentication who) {
        return RuleSetView.of(refusedAs("Invalid rule set", () -> store.replaceRules(set, who.getName())));
    }

    @GetMapping("/routing")
    RoutingView routing() {
        return RoutingView.of(store.activeRouting());
    }

    @PutMapping("/routing")
    RoutingView replaceRouting(@RequestBody RoutingTable table, Authentication who) {
        return RoutingView.of(refusedAs("Invalid routing table", () -> store.replaceRouting(table, who.getName())));
    }

    private static <T> T refusedAs(String title, Supplier<T> replace) {
        try {
            return replace.get();
        } catch (RejectedSettings e) {
            List<FieldProblem> problems = e.problems();
            String detail = String.join("; ", problems.stream().map(p -> p.field() + ": " + p.reason()).toList());
            throw new ProblemException(HttpStatus.BAD_REQUEST, title, detail).with("errors",
                    problems.stream().map(p -> Map.of("field", p.field(), "reason", p.reason())).toList());
        } catch (ConcurrentChangeException e) {
            throw ProblemException.conflict(e.getMessage());
        }
    }

    /** A rule set as stored, with its version. */
    record RuleSetView(
            String version,
            long revision,
            Instant createdAt,
            String createdBy,
            String source,
            RuleSet.NegationSettings negation,
            List<RuleSet.Rule> rules) {

        static RuleSetView of(Revision<RuleSet> r) {
            return new RuleSetView(r.version(), r.revision(), r.createdAt(), r.createdBy(), r.source(),
                    r.body().negation(), r.body().rules());
        }
    }

    /** A routing table as stored, with its version. */
    record RoutingView(
            String version,
            long revision,
            Instant createdAt,
            String createdBy,
            String source,
            String defaultQueue,
            String expertQueue,
            List<RoutingTable.Department> departments,
            List<RoutingTable.Person> roster) {

        static RoutingView of(Revision<RoutingTable> r) {
            RoutingTable t = r.body();
            return new RoutingView(r.version(), r.revision(), r.createdAt(), r.createdBy(), r.source(),
                    t.defaultQueue(), t.expertQueue(), t.departments(), t.roster());
        }
    }
}
