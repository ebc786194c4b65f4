package io.firebreak.platform.ledger;

import io.firebreak.platform.outbox.AggregateStore;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint guarded only by the service's URL rule ({@code AuthorizationRules}), not by an annotation. */
@RestController
class ReportController {

    private final AggregateStore<Ledger> ledgers;

    ReportController(AggregateStore<Ledger> ledgers) {
        this.ledgers = ledgers;
    }

    @GetMapping("/reports/ledgers")
    Map<String, Long> count() {
        return Map.of("ledgers", ledgers.collection().countDocuments());
    }
}
