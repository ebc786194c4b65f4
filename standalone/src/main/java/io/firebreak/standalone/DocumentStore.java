package io.firebreak.standalone;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded MongoDB-protocol store (mongo-java-server) on one H2 MVStore file, so the services' databases
 * survive a restart. It has no sessions or transactions, which the services do not use.
 */
final class DocumentStore implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final String uri;

    private DocumentStore(MongoServer server, String uri) {
        this.server = server;
        this.uri = uri;
    }

    static DocumentStore start(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MongoServer server = new MongoServer(new H2Backend(file.toAbsolutePath().toString()));
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        InetSocketAddress address = server.getLocalAddress();
        return new DocumentStore(server, "mongodb://" + HOST + ":" + address.getPort());
    }

    String uri() {
        return uri;
    }

    /** Stops accepting clients, then commits and closes the file. */
    @Override
    public void close() {
        server.shutdown();
    }
}
