package io.firebreak.standalone.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A Java program of the test classpath run as a process of its own, so that a test can kill it outright
 * ({@code kill -9}: no shutdown hook, no close, no flush) and look at what it left behind. Its standard output is
 * handed line by line to the test; its errors go to a file.
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Thread reader;

    private ChildProcess(Process process, Thread reader) {
        this.process = process;
        this.reader = reader;
    }

    /** Starts {@code main} with {@code args}; every line it prints goes to {@code lines}. */
    public static ChildProcess start(Class<?> main, Path errors, Consumer<String> lines, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        // The quick compiler alone, as the tests' own JVMs up to the gateway: a child lives for a minute or so, and
        // compiling its hot code a second time only competed with its start.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectError(errors.toFile()).start();
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader in = new BufferedReader(
                                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                lines.accept(line);
                            }
                        } catch (IOException e) {
                            // the process is gone
                        }
                    },
                    "child-output");
            reader.setDaemon(true);
            reader.start();
            return new ChildProcess(process, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + main.getName(), e);
        }
    }

    /** A queue that collects every line, for {@link #start}. */
    public static BlockingQueue<String> queue() {
        return new LinkedBlockingQueue<>();
    }

    /** Kills the process as {@code kill -9} does, and waits until it is gone and its output is read. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        reader.join(10_000);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process if it still runs; an interruption is kept for the caller's thread. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
