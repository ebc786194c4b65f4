package io.firebreak.standalone;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Run by {@link StandaloneCrashE2EIT} as a process of its own: the whole standalone system in a data directory,
 * with Kafka on the given ports (so that it can be started again on the same ones) and every other server on a free
 * port. Prints {@code ready <gateway URL>} once the gateway answers healthy, then runs until it is killed.
 */
public final class StandaloneProcess {

    private StandaloneProcess() {}

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        StandaloneSystem system =
                Firebreak.start(data, kafkaPorts(Integer.parseInt(args[1]), Integer.parseInt(args[2])));
        system.awaitReady(Duration.ofMinutes(3));
        System.out.println("ready " + system.gatewayUrl());
        System.out.flush();
        Thread.currentThread().join();
    }

    /** Kafka's two ports fixed (its quorum configuration names the controller's), every other server free. */
    static Ports kafkaPorts(int kafka, int controller) {
        return new Ports(0, 0, 0, 0, 0, kafka, controller, 0);
    }
}
