package io.firebreak.feedback.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.events.ClosureOutcome;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.EventType;
import io.firebreak.events.FeedbackEvents.ComplaintClosed;
import io.firebreak.events.FeedbackEvents.ComplaintReopened;
import io.firebreak.events.FirebreakEvent;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.events.TriageEvents.ComplaintClassified;
import io.firebreak.platform.kafka.ReceivedEvent;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports' read model gives the same document whatever the order of its events and however often each comes. */
class ReportModelTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    private static MongoServer server;
    private static MongoClient client;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create(
                new ConnectionString("mongodb://" + address.getHostString() + ":" + address.getPort()));
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void eventsInAnyOrderAndRepeatedGiveTheSameComplaint() {
        List<ReceivedEvent> events = List.of(
                received(new ComplaintClassified("c-1", T0, ComplaintClass.ORDINARY, null, List.of(), "v1", "new")),
                received(new CaseResolved("c-1", T0.plusSeconds(3600), "a", "done", "BILLING", "BILLING", null)),
                received(new ComplaintReopened("c-1", T0.plusSeconds(7200), "unhappy", "a")),
                received(new ComplaintClassified(
                        "c-1",
                        T0.plusSeconds(7201),
                        ComplaintClass.ESCALATED,
                        ComplaintClass.ORDINARY,
                        List.of(),
                        "v1",
                        "reopened")),
                received(new CaseResolved("c-1", T0.plusSeconds(9000), "b", "refunded", "BILLING", "BILLING", null)),
                received(new ComplaintClosed("c-1", T0.plusSeconds(9600), ClosureOutcome.SATISFIED)));

        Document inOrder = apply(events);
        Document reversedTwice = apply(concat(reversed(events), reversed(events)));

        for (Document doc : List.of(inOrder, reversedTwice)) {
            assertThat(doc.getString("status")).isEqualTo("CLOSED");
            assertThat(doc.getString("complaintClass")).isEqualTo("ESCALATED");
            assertThat(doc.getDate("firstResolvedAt").toInstant()).isEqualTo(T0.plusSeconds(3600));
            assertThat(doc.getList("resolutions", String.class)).hasSize(2);
            assertThat(doc.getList("reopens", String.class)).hasSize(1);
        }
    }

    private static Document apply(List<ReceivedEvent> events) {
        ReportModel model = new ReportModel(client.getDatabase("reports-" + UUID.randomUUID()));
        events.forEach(model::apply);
        return model.collection().find(Filters.eq("_id", "c-1")).first();
    }

    private static ReceivedEvent received(FirebreakEvent event) {
        return new ReceivedEvent(
                UUID.randomUUID().toString(), EventType.of(event), "/test", "c-1", Instant.now(), event);
    }

    private static List<ReceivedEvent> reversed(List<ReceivedEvent> events) {
        List<ReceivedEvent> copy = new java.util.ArrayList<>(events);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<ReceivedEvent> concat(List<ReceivedEvent> a, List<ReceivedEvent> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
