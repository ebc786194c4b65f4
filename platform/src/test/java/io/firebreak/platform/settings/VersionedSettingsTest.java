package io.firebreak.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.firebreak.platform.mongo.MongoConfiguration;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VersionedSettingsTest {

    /** Settings of a test: a limit and a delay. */
    public record Limits(@Min(1) int limit, Duration delay) {}

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;

    @BeforeEach
    void store() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .codecRegistry(MongoConfiguration.codecRegistry())
                .build());
        database = client.getDatabase("settings-test");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private VersionedSettings<Limits, String> instance() {
        return new VersionedSettings<>(
                "limits",
                "test.yml",
                new SettingsHistory<>(database, "limits", Limits.class, "limits"),
                FieldProblem::constraintsOf,
                (version, limits) -> version + ":" + limits.limit() + ":" + limits.delay(),
                Clock.systemUTC());
    }

    @Test
    void theShippedDefaultsSeedOnceAnAdministratorsVersionWinsAndPastVersionsStay() {
        VersionedSettings<Limits, String> one = instance().seed(new Limits(5, Duration.ofHours(24)));
        assertThat(one.compiled()).isEqualTo("limits-1:5:PT24H");
        instance().seed(new Limits(5, Duration.ofHours(24)));
        assertThat(one.versions(10)).as("the same defaults: no new version").hasSize(1);

        Revision<Limits> saved = one.replace(new Limits(7, Duration.ofHours(2)), "admin-1");
        assertThat(saved.version()).isEqualTo("limits-2");
        assertThat(saved.source()).isEqualTo(Revision.ADMIN);
        assertThat(one.compiled()).as("in force here for the next decision").isEqualTo("limits-2:7:PT2H");
        instance().seed(new Limits(6, Duration.ofHours(24)));
        assertThat(one.active().version())
                .as("a deploy never overwrites an administrator's version")
                .isEqualTo("limits-2");
        assertThat(one.versions(10)).extracting(Revision::version).containsExactly("limits-2", "limits-1");
        assertThat(one.version("limits-1"))
                .hasValueSatisfying(r -> assertThat(r.body().limit()).isEqualTo(5));
        assertThatThrownBy(() -> one.replace(new Limits(0, null), "admin-1"))
                .isInstanceOfSatisfying(
                        RejectedSettings.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("limit"));
        assertThat(one.active().version())
                .as("a refused version writes nothing")
                .isEqualTo("limits-2");
    }

    @Test
    void anotherInstanceTakesUpANewVersionWithinASecondWithoutAskingTheStoreOnEveryDecision() {
        VersionedSettings<Limits, String> here = instance().seed(new Limits(5, Duration.ofHours(1)));
        VersionedSettings<Limits, String> there = instance();
        assertThat(there.compiled()).isEqualTo("limits-1:5:PT1H");

        here.replace(new Limits(9, Duration.ofHours(1)), "admin-1");

        await().atMost(Duration.ofSeconds(5)).until(there::compiled, "limits-2:9:PT1H"::equals);
        assertThat(List.of(here.compiled(), there.compiled())).containsOnly("limits-2:9:PT1H");
    }
}
