package io.firebreak.platform.outbox;

import com.mongodb.client.MongoDatabase;
import io.firebreak.platform.kafka.EventCodec;
import org.bson.BsonDocument;

/** Makes an {@link AggregateStore} for a collection of the service's database. */
public class AggregateStores {

    private final MongoDatabase database;
    private final EventCodec events;
    private final OutboxRelay relay;

    public AggregateStores(MongoDatabase database, EventCodec events, OutboxRelay relay) {
        this.database = database;
        this.events = events;
        this.relay = relay;
    }

    public <T extends Record> AggregateStore<T> create(String collection, Class<T> type) {
        return new AggregateStore<>(database.getCollection(collection, BsonDocument.class), type, events, relay);
    }
}
