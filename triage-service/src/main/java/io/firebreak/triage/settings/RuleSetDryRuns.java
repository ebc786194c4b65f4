package io.firebreak.triage.settings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.firebreak.platform.settings.VersionedSettings;
import io.firebreak.triage.classification.RuleSet;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The dry runs of proposed rule sets. A rule set becomes active only after a dry run of the very same set (its
 * fingerprint) against the set active now, made within the last {@link #VALID_FOR}: whoever replaces the rules has
 * seen what would change class first.
 */
@Component
public class RuleSetDryRuns {

    /** How long a dry run lets its rule set be made active. */
    public static final Duration VALID_FOR = Duration.ofHours(24);

    private final MongoCollection<Document> runs;
    private final Clock clock;

    public RuleSetDryRuns(MongoDatabase database, Clock clock) {
        this.runs = database.getCollection("rulesetdryruns");
        this.clock = clock;
    }

    /** The fingerprint of a rule set as it would be stored (its lexicon lists written out). */
    public static String fingerprint(RuleSet complete) {
        return VersionedSettings.fingerprint(complete);
    }

    /** Remembers a dry run of the set with this fingerprint against the active version, by whom, now. */
    public void record(String fingerprint, String activeVersion, String by) {
        runs.replaceOne(
                Filters.eq("_id", key(fingerprint, activeVersion)),
                new Document("_id", key(fingerprint, activeVersion))
                        .append("by", by)
                        .append("at", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true));
    }

    /** Whether the set with this fingerprint had its dry run against the active version lately. */
    public boolean made(String fingerprint, String activeVersion) {
        Document run =
                runs.find(Filters.eq("_id", key(fingerprint, activeVersion))).first();
        return run != null
                && run.getDate("at").toInstant().isAfter(clock.instant().minus(VALID_FOR));
    }

    private static String key(String fingerprint, String activeVersion) {
        return fingerprint + "@" + activeVersion;
    }
}
