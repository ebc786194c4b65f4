package io.firebreak.gateway.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.events.ComplaintClass;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A poll's alerts: their ids taken with one write, the alerts stored with another, one per event. */
class AlertStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private AlertStore store;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
        store = new AlertStore(client.getDatabase("gateway"));
        commands.clear();
    }

    @AfterEach
    void close() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void alertsRaisedTogetherTakeConsecutiveIdsInTheirOrderWithOneWriteForTheIdsAndOneForTheAlerts() {
        List<Alert> stored =
                store.insertAll(List.of(raised("C-1", "e-1"), raised("C-2", "e-2"), raised("C-3", "e-3")), NOW);

        assertThat(commands).containsExactly("findAndModify", "insert");
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
