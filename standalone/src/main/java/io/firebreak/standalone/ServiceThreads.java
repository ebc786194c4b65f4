package io.firebreak.standalone;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs each part of the system (a service, the broker, the store) in a thread group of its own, so every log line
 * can say which part wrote it: the threads a part creates while it starts (Tomcat's, Kafka consumers', the Mongo
 * driver's, schedulers') join its group, and thread groups are inherited where MDC values are not.
 */
final class ServiceThreads {

    private static final Map<String, Group> groups = new ConcurrentHashMap<>();

    private ServiceThreads() {}

    /** Calls {@code work} on a new thread in {@code part}'s group and waits for it; its exceptions are rethrown. */
    static <T> T callIn(String part, Callable<T> work) {
        Group group = groups.computeIfAbsent(part, Group::new);
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(
                group,
                () -> {
                    try {
                        result.set(work.call());
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                },
                part + "-main");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + part, e);
        }
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(part + " failed", e);
        }
        return result.get();
    }

    /** The part the current thread works for, or null for threads of no part (main, JVM, common pools). */
    static String currentPart() {
        for (ThreadGroup g = Thread.currentThread().getThreadGroup(); g != null; g = g.getParent()) {
            if (g instanceof Group group) {
                return group.getName();
            }
        }
        return null;
    }

    private static final class Group extends ThreadGroup {
        Group(String name) {
            super(name);
        }
    }
}
