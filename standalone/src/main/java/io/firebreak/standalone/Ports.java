package io.firebreak.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The ports the standalone system listens on; 0 lets the operating system choose a free one when the server binds.
 *
 * @param gateway the one door to the outside
 * @param intake the intake service
 * @param triage the triage service
 * @param resolution the resolution service
 * @param feedback the feedback service
 * @param kafka the broker's client listener
 * @param kafkaController the broker's controller (KRaft quorum) listener
 * @param store the MongoDB-protocol store
 */
public record Ports(
        int gateway, int intake, int triage, int resolution, int feedback, int kafka, int kafkaController, int store) {

    /** The documented ports (README, scripts): gateway 8080, services 8081–8084, Kafka 9092, MongoDB 27017. */
    public static Ports standard() {
        return new Ports(8080, 8081, 8082, 8083, 8084, 9092, 9093, 27017);
    }

    /**
     * Ports for a system that must not collide with anything else on the machine, such as a test's. Kafka's two
     * ports are chosen up front because the controller's is part of the quorum configuration and the client port
     * is advertised; every other server binds port 0 and reports the port it got.
     */
    public static Ports free() {
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket controller = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Ports(0, 0, 0, 0, 0, kafka.getLocalPort(), controller.getLocalPort(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for Kafka", e);
        }
    }
}
