package io.firebreak.platform.test;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.codecs.configuration.CodecRegistry;

/**
 * An in-memory MongoDB-protocol store and a client of it that records the name of every command it sends, in order
 * ({@code find}, {@code insert}, {@code update} — a bulk write of updates is one —, {@code findAndModify}): for tests
 * that say how many round trips a piece of work takes.
 */
public final class CountedStore implements AutoCloseable {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final List<String> commands = new CopyOnWriteArrayList<>();

    /** With the driver's default codecs. */
    public CountedStore() {
        this(MongoClientSettings.getDefaultCodecRegistry());
    }

    public CountedStore(CodecRegistry codecs) {
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .codecRegistry(codecs)
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommandName());
                    }
                })
                .build());
    }

    public MongoDatabase database(String name) {
        return client.getDatabase(name);
    }

    /** The names of the commands sent since the start or the last {@link #forget}, in order. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** How many commands of this name were sent since the start or the last {@link #forget}. */
    public long count(String command) {
        return commands.stream().filter(command::equals).count();
    }

    /** Counts from now on. */
    public void forget() {
        commands.clear();
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
