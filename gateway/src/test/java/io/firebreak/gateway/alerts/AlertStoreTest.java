package io.firebreak.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.events.ComplaintClass;
import io.firebreak.platform.test.CountedStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poll's alerts: their ids taken with one write, the alerts stored with another, one per event. */
class AlertStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private CountedStore counted;
    private AlertStore store;

    @BeforeEach
    void store() {
        counted = new CountedStore();
        store = new AlertStore(counted.database("gateway"));
        counted.forget();
    }

    @AfterEach
    void close() {
        counted.close();
    }

    @Test
    void alertsRaisedTogetherTakeConsecutiveIdsInTheirOrderWithOneWriteForTheIdsAndOneForTheAlerts() {
        List<Alert> stored =
                store.insertAll(List.of(raised("C-1", "e-1"), raised("C-2", "e-2"), raised("C-3", "e-3")), NOW);

        assertThat(counted.commands()).containsExactly("findAndModify", "insert");
        assertThat(stored).extracting(Alert::complaintId).containsExactly("C-1", "C-2", "C-3");
        assertThat(stored).extracting(Alert::id).containsExactly(1L, 2L, 3L);
        assertThat(store.find(2).orElseThrow().eventId()).isEqualTo("e-2");
        assertThat(store.insertAll(List.of(raised("C-4", "e-4")), NOW))
                .extracting(Alert::id)
                .containsExactly(4L);
    }

    @Test
    void anEventThatHasItsAlertAlreadyMakesNoSecondOneAndTheOthersAreStored() {
        store.insert(raised("C-1", "e-1").draft(), "e-1", NOW);

        List<Alert> stored = store.insertAll(
                List.of(raised("C-2", "e-2"), raised("C-1", "e-1"), raised("C-2", "e-2"), raised("C-3", "e-3")), NOW);

        assertThat(stored).extracting(Alert::eventId).containsExactly("e-2", "e-3");
        assertThat(store.newestFirst(new AlertFilter(null, null, null), null, null, 10))
                .extracting(Alert::eventId)
                .containsExactly("e-3", "e-2", "e-1");
    }

    private static AlertStore.Raised raised(String complaintId, String eventId) {
        return new AlertStore.Raised(
                new AlertDraft(
                        AlertKind.MAJOR,
                        complaintId,
                        ComplaintClass.MAJOR,
                        "PRODUCT_QUALITY",
                        "Major complaint " + complaintId,
                        "重大投诉 " + complaintId),
                eventId);
    }
}
