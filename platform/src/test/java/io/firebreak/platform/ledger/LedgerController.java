package io.firebreak.platform.ledger;

import io.firebreak.events.Channel;
import io.firebreak.events.EmotionLevel;
import io.firebreak.events.IntakeEvents.ComplaintReceived;
import io.firebreak.events.IntakeEvents.MessageAdded;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opens ledgers, adds entries (AGENT) and closes them (SUPERVISOR); every write publishes an event. */
@RestController
@RequestMapping("/ledgers")
class LedgerController {

    /** What a client may send to open a ledger; nothing else is bound. */
    record OpenLedger(@NotBlank String owner, @NotNull Channel channel, String note) {}

    /** One entry to add. */
    record AddEntry(@NotBlank String ref, long amount) {}

    private final AggregateStore<Ledger> ledgers;

    LedgerController(AggregateStore<Ledger> ledgers) {
        this.ledgers = ledgers;
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    ResponseEntity<Map<String, String>> open(@Valid @RequestBody OpenLedger request) {
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        ledgers.insert(
                id,
                Ledger.open(request.owner(), request.channel(), now, request.note()),
                List.of(new ComplaintReceived(
                        id,
                        now,
                        request.channel(),
                        request.owner(),
                        "***",
                        "ledger opened",
                        null,
                        null,
                        null,
                        EmotionLevel.CALM,
                        List.of(),
                        null,
                        null,
                        List.of())),
                null);
        return ResponseEntity.created(URI.create("/ledgers/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    Ledger get(@PathVariable String id) {
        return ledgers.find(id)
                .orElseThrow(() -> ProblemException.notFound("Ledger", id))
                .value();
    }

    @PostMapping("/{id}/entries")
    @PreAuthorize("hasRole('AGENT')")
    Ledger add(@PathVariable String id, @Valid @RequestBody AddEntry request) {
        return ledgers.update(id, current -> {
                    if (current.value().status() != Ledger.Status.OPEN) {
                        throw ProblemException.conflict("Ledger " + id + " is closed");
                    }
                    return Change.of(
                            current.value()
                                    .with(new Ledger.Entry(
                                            request.ref(), request.amount(), Instant.now(), List.of(), null)),
                            new MessageAdded(
                                    id,
                                    Instant.now(),
                                    current.value().channel(),
                                    request.ref(),
                                    false,
                                    EmotionLevel.CALM,
                                    List.of()));
                })
                .orElseThrow(() -> ProblemException.notFound("Ledger", id))
                .value();
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<Void> close(@PathVariable String id) {
        ledgers.update(id, current -> Change.of(current.value().closed()))
                .orElseThrow(() -> ProblemException.notFound("Ledger", id));
        return ResponseEntity.noContent().build();
    }
}
