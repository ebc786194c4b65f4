package io.firebreak.feedback.prevention;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.events.ResolutionEvents.CaseResolved;
import io.firebreak.feedback.FeedbackProperties;
import io.firebreak.feedback.ShippedFeedbackProperties;
import io.firebreak.platform.kafka.EventCodec;
import io.firebreak.platform.mongo.MongoConfiguration;
import io.firebreak.platform.outbox.AggregateStore;
import io.firebreak.platform.outbox.AggregateStores;
import io.firebreak.platform.outbox.OutboxRelay;
import io.firebreak.platform.outbox.Versioned;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spark detection and the effect of prevention actions on synthetic histories, with the shipped thresholds and a
 * fixed clock, on the in-memory MongoDB-protocol store.
 */
class RootCauseWatchTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final FeedbackProperties SHIPPED = ShippedFeedbackProperties.bind();

    private static MongoServer server;
    private static MongoClient client;

    private MongoDatabase database;
    private CauseCounts counts;
    private AggregateStore<PreventionAction> actions;
    private RootCauseWatch watch;
    private int sequence;

    @BeforeAll
    static void startStore() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(
                        "mongodb://" + address.getHostString() + ":" + address.getPort()))
                .codecRegistry(MongoConfiguration.codecRegistry())
                .uuidRepresentation(UuidRepresentation.STANDARD)
                .build());
    }

    @AfterAll
    static void stopStore() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void freshDatabase() {
        database = client.getDatabase("feedback-" + UUID.randomUUID());
        counts = new CauseCounts(database);
        actions = new AggregateStores(database, new EventCodec(), new OutboxRelay(null, Duration.ofMinutes(1), 10))
                .create("prevention_actions", PreventionAction.class);
        watch = watchAt(NOW);
    }

    @Test
    void aResolutionIsCountedOnceHoweverOftenItIsDelivered() {
        CauseCounts.Entry entry = new CauseCounts.Entry("r-1", "c-1", "BILLING", "FINANCE", null, NOW);

        assertThat(counts.add(entry)).isTrue();
        assertThat(counts.add(entry)).isFalse();
        assertThat(counts.add(new CauseCounts.Entry("r-2", "c-2", "BILLING", "FINANCE", null, NOW)))
                .isTrue();

        assertThat(counts.daily(
                                "BILLING",
                                "FINANCE",
                                NOW.atZone(ZoneOffset.UTC).toLocalDate(),
                                NOW.atZone(ZoneOffset.UTC).toLocalDate())
                        .values())
                .containsExactly(2);
    }

    @Test
    void aWindowIsCountedOnlyAsFarAsAskedLeavingOutTheGroupedComplaintsAndTheTimesOutside() {
        for (int i = 0; i < 8; i++) {
            counts.add(new CauseCounts.Entry("w-" + i, "wc-" + i, "BILLING", "FINANCE", null, NOW.minusSeconds(i)));
        }
        counts.add(new CauseCounts.Entry("w-early", "wc-early", "BILLING", "FINANCE", null, NOW.minusSeconds(3600)));
        counts.add(new CauseCounts.Entry("w-late", "wc-late", "BILLING", "FINANCE", null, NOW.plusSeconds(1)));
        counts.add(new CauseCounts.Entry("w-other", "wc-other", "BILLING", "SALES", null, NOW));
        Instant from = NOW.minusSeconds(60);
        Instant to = NOW.plusMillis(1);

        assertThat(counts.countUpTo("BILLING", "FINANCE", from, to, Set.of(), 100))
                .isEqualTo(8);
        assertThat(counts.countUpTo("BILLING", "FINANCE", from, to, Set.of(), 5))
                .as("no further than asked")
                .isEqualTo(5);
        assertThat(counts.countUpTo("BILLING", "FINANCE", from, to, Set.of("wc-0", "wc-7", "wc-early"), 100))
                .isEqualTo(6);
        assertThat(counts.between("BILLING", "FINANCE", from, to, Set.of("wc-0")))
                .extracting(CauseCounts.Entry::complaintId)
                .containsExactly("wc-7", "wc-6", "wc-5", "wc-4", "wc-3", "wc-2", "wc-1");
    }

    @Test
    void aDaysCountIsKeptOnceReadAndForgottenWhenAResolutionOfThatDayIsCountedHere() {
        LocalDate day = NOW.atZone(ZoneOffset.UTC).toLocalDate().minusDays(3);
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofHours(9));
        counts.add(new CauseCounts.Entry("d-1", "dc-1", "BILLING", "FINANCE", null, at));
        assertThat(counts.daily("BILLING", "FINANCE", day, day).values()).containsExactly(1);

        // Another instance's late resolution of that day: not seen while the count is kept (CauseCounts.DAYS_KEPT).
        database.getCollection("cause_resolutions")
                .insertOne(new Document("_id", "d-2")
                        .append("cause", "BILLING")
                        .append("department", "FINANCE")
                        .append("product", "-")
                        .append("day", day.toString())
                        .append("at", Date.from(at))
                        .append("complaintId", "dc-2"));
        assertThat(counts.daily("BILLING", "FINANCE", day, day).values()).containsExactly(1);

        counts.add(new CauseCounts.Entry("d-3", "dc-3", "BILLING", "FINANCE", null, at.plusSeconds(5)));
        assertThat(counts.daily("BILLING", "FINANCE", day, day).values())
                .as("one counted here: the day is read again")
                .containsExactly(3);
        assertThat(counts.daily("BILLING", null, day, day).values())
                .as("all departments: forgotten too")
                .containsExactly(3);
    }

    @Test
    void aDaysResolutionsKeptAsOneDocumentBeforeAreMovedToOneEachOnStartAndStillCountOnce() {
        LocalDate today = NOW.atZone(ZoneOffset.UTC).toLocalDate();
        database.getCollection(CauseCounts.BUCKETS_BEFORE)
                .insertOne(new Document("_id", "BILLING|FINANCE|-|" + today)
                        .append("cause", "BILLING")
                        .append("department", "FINANCE")
                        .append("product", "-")
                        .append("day", today.toString())
                        .append("count", 2)
                        .append(
                                "entries",
                                List.of(
                                        new Document("r", "r-old-1")
                                                .append("c", "c-old-1")
                                                .append("at", Date.from(NOW.minusSeconds(60))),
                                        new Document("r", "r-old-2")
                                                .append("c", "c-old-2")
                                                .append("at", Date.from(NOW.minusSeconds(30))))));

        CauseCounts started = new CauseCounts(database);

        assertThat(started.daily("BILLING", "FINANCE", today, today).values()).containsExactly(2);
        assertThat(started.between("BILLING", "FINANCE", NOW.minusSeconds(120), NOW))
                .extracting(CauseCounts.Entry::complaintId)
                .containsExactly("c-old-1", "c-old-2");
        assertThat(started.add(new CauseCounts.Entry("r-old-1", "c-old-1", "BILLING", "FINANCE", null, NOW)))
                .as("counted before it was moved")
                .isFalse();
        assertThat(database.getCollection(CauseCounts.BUCKETS_BEFORE).countDocuments())
                .isZero();
        assertThat(started.buckets(today, today))
                .singleElement()
                .satisfies(b -> assertThat(b.getInteger("count")).isEqualTo(2));
    }

    @Test
    void aCauseRisingAboveItsUsualLevelRaisesOneActionAndLaterComplaintsJoinIt() {
        // 28 days of 1–3 a day (mean 2): the threshold is 2 + 3 × √2 ≈ 6.2, so the 7th in a day sparks.
        history("PRODUCT_DEFECT", "PRODUCT_QUALITY", new int[] {1, 2, 3, 2});
        for (int i = 1; i <= 6; i++) resolve("PRODUCT_DEFECT", "PRODUCT_QUALITY", NOW.minusSeconds(600 + i));
        assertThat(actions.collection().countDocuments())
                .as("six is within the usual spread")
                .isZero();

        resolve("PRODUCT_DEFECT", "PRODUCT_QUALITY", NOW.minusSeconds(60));
        resolve("PRODUCT_DEFECT", "PRODUCT_QUALITY", NOW.minusSeconds(30));
        resolve("PRODUCT_DEFECT", "PRODUCT_QUALITY", NOW.minusSeconds(10));

        assertThat(actions.collection().countDocuments())
                .as("a burst is one action")
                .isEqualTo(1);
        PreventionAction action = actions.find("PA-PRODUCT_DEFECT-PRODUCT_QUALITY-1")
                .orElseThrow()
                .value();
        assertThat(action.status()).isEqualTo(PreventionAction.Status.OPEN);
        assertThat(action.windowCount()).isEqualTo(7);
        assertThat(action.baselineMean()).isEqualTo(2.0);
        assertThat(action.threshold()).isEqualTo(6.24);
        assertThat(action.complaintIds()).hasSize(9);
        // Another department's same cause is its own watch: nothing rose there.
        assertThat(watch.detect("PRODUCT_DEFECT", "LOGISTICS")).isEmpty();
    }

    @Test
    void noiseAroundAHighLevelIsNoSpark() {
        // Mean 10, standard deviation about 3: 15 in a day is within three spreads (threshold ≈ 19.5).
        history("DELIVERY_LOGISTICS", "LOGISTICS", new int[] {6, 14, 8, 12, 10, 5, 15, 10});
        for (int i = 0; i < 15; i++) resolve("DELIVERY_LOGISTICS", "LOGISTICS", NOW.minusSeconds(100 + i));

        assertThat(actions.collection().countDocuments()).isZero();
        assertThat(watch.detect("DELIVERY_LOGISTICS", "LOGISTICS")).isEmpty();
    }

    @Test
    void aFlatCauseAndOneBecomingTwoAreNoSpark() {
        history("BILLING", "FINANCE", new int[] {4});
        for (int i = 0; i < 4; i++) resolve("BILLING", "FINANCE", NOW.minusSeconds(100 + i));
        assertThat(watch.detect("BILLING", "FINANCE")).as("flat").isEmpty();

        // A quiet cause going from one a day to two: far above its spread, but below the minimum count.
        history("STAFF_ATTITUDE", "SERVICE", new int[] {0, 1, 0, 0});
        resolve("STAFF_ATTITUDE", "SERVICE", NOW.minusSeconds(100));
        resolve("STAFF_ATTITUDE", "SERVICE", NOW.minusSeconds(50));
        assertThat(watch.detect("STAFF_ATTITUDE", "SERVICE")).isEmpty();
        assertThat(actions.collection().countDocuments()).isZero();
    }

    @Test
    void aBurstOverAnEmptyHistorySparksAtTheMinimumCount() {
        for (int i = 1; i <= SHIPPED.sparks().minCount() - 1; i++) {
            resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(100 + i));
        }
        assertThat(actions.collection().countDocuments()).isZero();

        resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(10));

        assertThat(actions.collection().countDocuments()).isEqualTo(1);
    }

    @Test
    void aFinishedActionsEffectComparesTheDaysAfterWithTheDaysBefore() {
        for (int i = 1; i <= 5; i++) resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(100 + i));
        PreventionAction raised =
                actions.find("PA-SYSTEM_OUTAGE-IT-1").orElseThrow().value();
        assertThat(watch.effect(raised)).as("not done yet").isNull();
        // Three more in the 14 days before it is done (eight in all), two in the 14 days after.
        for (int i = 1; i <= 3; i++) resolve("SYSTEM_OUTAGE", "IT", NOW.minus(Duration.ofDays(i)));
        resolve("SYSTEM_OUTAGE", "IT", NOW.minus(Duration.ofDays(20)));
        PreventionAction done = raised.updated(PreventionAction.Status.DONE, "ops-lead", "Add a standby", null, NOW);
        counts.add(new CauseCounts.Entry("r-a1", "c-a1", "SYSTEM_OUTAGE", "IT", null, NOW.plus(Duration.ofDays(2))));
        counts.add(new CauseCounts.Entry("r-a2", "c-a2", "SYSTEM_OUTAGE", "IT", null, NOW.plus(Duration.ofDays(9))));
        counts.add(new CauseCounts.Entry("r-a3", "c-a3", "SYSTEM_OUTAGE", "IT", null, NOW.plus(Duration.ofDays(15))));

        RootCauseWatch.Effect midway = watchAt(NOW.plus(Duration.ofDays(5))).effect(done);
        RootCauseWatch.Effect after = watchAt(NOW.plus(Duration.ofDays(30))).effect(done);

        assertThat(midway)
                .as("five days of fourteen: no share yet, it would compare five days with fourteen")
                .isEqualTo(new RootCauseWatch.Effect(14, 5, 8, 1, null, false));
        assertThat(after).isEqualTo(new RootCauseWatch.Effect(14, 14, 8, 2, -75.0, true));
    }

    @Test
    void complaintsADoneActionGroupedSparkNoSecondAction() {
        for (int i = 1; i <= 5; i++) resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(100 + i));
        PreventionAction raised =
                actions.find("PA-SYSTEM_OUTAGE-IT-1").orElseThrow().value();
        // Resolved before the fix was done, counted only when it arrived: grouped with the burst, not a new one.
        resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(70));
        actions.update(
                raised.id(),
                stored -> io.firebreak.platform.outbox.Change.of(stored.value()
                        .updated(
                                PreventionAction.Status.DONE,
                                "ops-lead",
                                "Add a standby",
                                null,
                                NOW.minusSeconds(60))));

        assertThat(watch.detect("SYSTEM_OUTAGE", "IT"))
                .as("the same burst, already grouped and fixed")
                .isEmpty();
        for (int i = 1; i <= SHIPPED.sparks().minCount() - 1; i++) resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(i));
        assertThat(actions.collection().countDocuments())
                .as("new ones below the minimum count")
                .isEqualTo(1);
        resolve("SYSTEM_OUTAGE", "IT", NOW);
        assertThat(actions.find("PA-SYSTEM_OUTAGE-IT-2"))
                .as("a new burst of new complaints is a new action")
                .hasValueSatisfying(a -> assertThat(a.value().complaintIds())
                        .hasSize(SHIPPED.sparks().minCount())
                        .doesNotContainAnyElementsOf(raised.complaintIds()));
    }

    @Test
    void anActionNamesAtMostAThousandComplaintsAndCountsThemAll() {
        int burst = PreventionAction.MAX_LISTED + 20;
        for (int i = 0; i < burst - 1; i++) {
            counts.add(new CauseCounts.Entry(
                    "b-" + i,
                    "bc-" + i,
                    "SYSTEM_OUTAGE",
                    "IT",
                    null,
                    NOW.minusSeconds(3000).plusSeconds(i)));
        }
        resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(10));

        Versioned<PreventionAction> raised =
                actions.find("PA-SYSTEM_OUTAGE-IT-1").orElseThrow();
        assertThat(raised.value().complaintIds()).hasSize(PreventionAction.MAX_LISTED);
        assertThat(raised.value().grouped()).isEqualTo(burst);
        assertThat(raised.value().windowCount()).isEqualTo(burst);

        resolve("SYSTEM_OUTAGE", "IT", NOW.minusSeconds(5));
        watch.resolved(
                "r-" + sequence,
                new CaseResolved(
                        "c-" + sequence, NOW.minusSeconds(5), "agent-1", "Fixed", "SYSTEM_OUTAGE", "IT", "P-1"));
        PreventionAction linked =
                actions.find("PA-SYSTEM_OUTAGE-IT-1").orElseThrow().value();
        assertThat(linked.complaintIds()).hasSize(PreventionAction.MAX_LISTED);
        assertThat(linked.grouped())
                .as("one more counted; its redelivery not counted again")
                .isEqualTo(burst + 1);
    }

    @Test
    void anActionStoredBeforeItCountedCountsTheComplaintsItNames() {
        PreventionAction stored = new PreventionAction(
                "PA-X-IT-1",
                "X",
                "IT",
                PreventionAction.Status.OPEN,
                NOW,
                List.of("c-1", "c-2"),
                2,
                0,
                1,
                5,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(stored.grouped()).isEqualTo(2);
        assertThat(stored.linking("c-3", true).grouped()).isEqualTo(3);
        assertThat(stored.linking("c-1", true)).isSameAs(stored);
    }

    private RootCauseWatch watchAt(Instant now) {
        return new RootCauseWatch(actions, counts, SHIPPED, Clock.fixed(now, ZoneOffset.UTC));
    }

    /** The 28 baseline days before the window, cycling through {@code perDay}. */
    private void history(String cause, String department, int[] perDay) {
        Instant windowStart = NOW.minus(SHIPPED.sparks().window());
        for (int day = 1; day <= SHIPPED.sparks().baselineDays(); day++) {
            Instant at = windowStart
                    .truncatedTo(java.time.temporal.ChronoUnit.DAYS)
                    .minus(Duration.ofDays(day))
                    .plus(Duration.ofHours(10));
            for (int i = 0; i < perDay[day % perDay.length]; i++) {
                counts.add(new CauseCounts.Entry(
                        "h-" + cause + "-" + day + "-" + i,
                        "hc-" + day + "-" + i,
                        cause,
                        department,
                        "P-1",
                        at.plusSeconds(i)));
            }
        }
    }

    private void resolve(String cause, String department, Instant at) {
        sequence++;
        watch.resolved(
                "r-" + sequence, new CaseResolved("c-" + sequence, at, "agent-1", "Fixed", cause, department, "P-1"));
    }
}
