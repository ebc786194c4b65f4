package io.firebreak.gateway.console;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Who has a case open in the console ({@code viewers}, the gateway's database, so every gateway instance sees every
 * viewer): each open case view says so every few seconds, and a viewer not heard of for {@link #FRESH} has left.
 */
@Component
class Viewers {

    static final Duration FRESH = Duration.ofSeconds(20);

    private final MongoCollection<Document> viewers;
    private final Clock clock;

    Viewers(MongoDatabase database, Clock clock) {
        this.viewers = database.getCollection("viewers");
        this.clock = clock;
        viewers.createIndex(Indexes.ascending("complaintId", "at"));
    }

    /** Records that {@code who} has the case open now; answers the others who have it open, by name. */
    List<String> viewing(String complaintId, String who) {
        Instant now = clock.instant();
        viewers.replaceOne(
                Filters.eq("_id", complaintId + "\n" + who),
                new Document("_id", complaintId + "\n" + who)
                        .append("complaintId", complaintId)
                        .append("who", who)
                        .append("at", Date.from(now)),
                new ReplaceOptions().upsert(true));
        Date since = Date.from(now.minus(FRESH));
        // Those long gone go (a case's own few, by the index).
        viewers.deleteMany(Filters.and(Filters.eq("complaintId", complaintId), Filters.lt("at", since)));
        List<String> others = new ArrayList<>();
        viewers.find(Filters.and(Filters.eq("complaintId", complaintId), Filters.gte("at", since)))
                .forEach(d -> {
                    if (!who.equals(d.getString("who"))) others.add(d.getString("who"));
                });
        return others;
    }
}
