package io.firebreak.resolution.cases;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.events.ComplaintClass;
import io.firebreak.events.TriageEvents.ResponsibilityAssigned;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.Change;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.resolution.ResolutionProperties;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How many open SLA clocks the scanner handles per second, on the store the tests use (the in-memory
 * MongoDB-protocol server) or on a real MongoDB given by URI. Two figures, each on {@code cases} open cases whose
 * first-response and resolution clocks run: a scan when none is due (what nearly every scan is: one query on the
 * indexed {@code nextDeadline}), and draining a store where {@code due}% of them are past their first-response due
 * time (every due case is read, decided and written back by compare-and-set with its breach event, batch by batch).
 * The outbox relay does not run: publishing is the relay's cost, not the scanner's. A plain program, not a test;
 * run it as the README says.
 *
 * <p>Arguments: cases (default 20000), due share in percent (default 50), batch size (default 100), MongoDB URI
 * (default: an in-memory server in this JVM).
 */
public final class SlaScannerBenchmark {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    /** The scanners' time: five hours after the assignments. */
    private static final Clock NOW = Clock.fixed(T0.plus(Duration.ofHours(5)), ZoneOffset.UTC);

    private SlaScannerBenchmark() {}

    public static void main(String[] args) {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int duePercent = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        String uri = args.length > 3 ? args[3] : null;
        MongoServer server = null;
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
        }
        System.out.printf(
                Locale.ROOT,
                "%d open cases, %d%% due, batch %d, store %s; JVM %s, %d CPUs visible%n",
                cases,
                duePercent,
                batch,
                server == null ? uri : "in-memory (mongo-java-server)",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .codecRegistry(MongoConfiguration.codecRegistry())
                .build())) {
            MongoDatabase database = client.getDatabase("sla-benchmark");
            SlaClockScanner scanner = new SlaClockScanner(store(database, true), NOW, settings(batch));

            // 1. None due: the scan every instance runs every scan-interval.
            seed(store(database, true), cases, 0);
            scanner.scan(); // warm-up
            int rounds = 50;
            double[] millis = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                long began = System.nanoTime();
                int fired = scanner.scan();
                millis[i] = (System.nanoTime() - began) / 1e6;
                if (fired != 0) throw new IllegalStateException("nothing should be due");
            }
            Arrays.sort(millis);
            double median = millis[rounds / 2];
            System.out.printf(
                    Locale.ROOT,
                    "RESULT none due: a scan of %d open clocks takes %.2f ms (median of %d;"
                            + " p90 %.2f ms) = %.0f open clocks looked over per second%n",
                    2 * cases,
                    median,
                    rounds,
                    millis[rounds * 9 / 10],
                    2 * cases / (median / 1000));

            // 2. Many due: every due case fired once, batch by batch, until a scan finds nothing.
            int due = seed(store(database, true), cases, duePercent);
            long began = System.nanoTime();
            int fired = 0;
            int scans = 0;
            for (int changed = scanner.scan(); changed > 0; changed = scanner.scan()) {
                fired += changed;
                scans++;
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            if (fired != due) throw new IllegalStateException("fired " + fired + " of " + due + " due cases");
            System.out.printf(
                    Locale.ROOT,
                    "RESULT %d due of %d: fired in %.2f s over %d scans = %.0f breaches/s"
                            + " (each a read, a decision and a compare-and-set write with its event)%n",
                    due,
                    cases,
                    seconds,
                    scans,
                    fired / seconds);
        } finally {
            if (server != null) server.shutdownNow();
        }
    }

    /** The case store as the service makes it (same indexes), emptied when {@code fresh}. */
    private static AggregateStore<ComplaintCase> store(MongoDatabase database, boolean fresh) {
        if (fresh) database.getCollection("cases").drop();
        // Not started: events stay in the documents' outboxes.
        OutboxRelay relay = new OutboxRelay(null, Duration.ofHours(1), 1);
        return new CaseConfiguration().caseStore(new AggregateStores(database, new EventCodec(), relay));
    }

    /** Inserts {@code cases} open cases; {@code duePercent}% have their first response due before now. */
    private static int seed(AggregateStore<ComplaintCase> store, int cases, int duePercent) {
        long began = System.nanoTime();
        int due = 0;
        for (int i = 0; i < cases; i++) {
            boolean isDue = (i * 100L / cases) < duePercent;
            if (isDue) due++;
            // Due: first response 4 h after the assignment (past at +5 h). Not due: 10 h (warning at 7.5 h).
            Duration firstResponse = Duration.ofHours(isDue ? 4 : 10);
            String id = String.format(Locale.ROOT, "C%07d", i);
            ResponsibilityAssigned assigned = new ResponsibilityAssigned(
                    id,
                    T0,
                    "LOGISTICS",
                    List.of(),
                    ComplaintClass.ORDINARY,
                    T0.plus(firstResponse),
                    T0.plus(Duration.ofHours(72)));
            Change<ComplaintCase> open = CaseDecisions.open(assigned, T0);
            store.insert(id, open.value(), List.of(), null);
        }
        System.out.printf(
                Locale.ROOT, "seeded %d cases (%d due) in %.1f s%n", cases, due, (System.nanoTime() - began) / 1e9);
        return due;
    }

    private static ResolutionProperties settings(int batch) {
        return new ResolutionProperties(
                List.of(new ResolutionProperties.RootCause("OTHER", "Other", "其他")),
                new ResolutionProperties.SlaClocks(Duration.ofSeconds(15), batch, new BigDecimal("0.75"), Map.of()),
                new ResolutionProperties.Proposals(Map.of(), Map.of()),
                new ResolutionProperties.SecondaryDepartments(ResolutionProperties.SecondaryPolicy.TASK));
    }
}
