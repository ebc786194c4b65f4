package io.firebreak.gateway.alerts;

import io.firebreak.gateway.GatewayProperties;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open SSE streams: each new alert goes to every stream whose filter it matches; a comment every so often keeps
 * idle connections (and proxies between) from closing. A stream that fails, completes or times out is dropped.
 *
 * <p>One caller holds at most {@code alerts.max-streams-per-client} streams: a new one takes the place of the
 * caller's oldest, which is told so ({@value #SUPERSEDED}) and ended. A client that went away is only found out
 * when a write to it fails, a keep-alive or two later; refusing the new stream instead left a supervisor who had
 * reopened the board a few times waiting that long for one, and a stream still in use makes way for the newer
 * one all the same, since the caller has just asked for it.
 */
@Component
class AlertStreams implements DisposableBean {

    /**
     * One open stream, whose it is, what it wants to see, and the ids of the latest alerts it was sent: an alert
     * reaches it once, whether from its replay or live, and from this gateway or another's store.
     */
    record Subscriber(SseEmitter emitter, String client, AlertFilter filter, Set<Long> sent) {

        private static final int REMEMBERED = 4096;

        Subscriber(SseEmitter emitter, String client, AlertFilter filter) {
            this(emitter, client, filter, Collections.newSetFromMap(Collections.synchronizedMap(new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            })));
        }

        /** Sends the alert if it matches and was not sent before; false when the stream is broken. */
        boolean send(Alert alert) {
            if (!filter.matches(alert) || !sent.add(alert.id())) return true;
            try {
                emitter.send(SseEmitter.event()
                        .id(String.valueOf(alert.id()))
                        .name("alert")
                        .data(alert, MediaType.APPLICATION_JSON));
                return true;
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
                return false;
            }
        }
    }

    /** The event a stream is sent before it ends, when a newer stream of the same caller takes its place. */
    static final String SUPERSEDED = "superseded";

    /** What a superseded stream is told (JSON data of its last event). */
    record Superseded(String detail, int cap) {}

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final int capPerClient;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alert-stream-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    AlertStreams(GatewayProperties properties) {
        capPerClient = properties.alerts().maxStreamsPerClient();
        long every = properties.alerts().keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    /** Lets the stream receive live alerts; its caller's oldest streams end first when they hold the most allowed. */
    synchronized void add(Subscriber subscriber) {
        List<Subscriber> held = subscribers.stream()
                .filter(s -> s.client().equals(subscriber.client()))
                .toList();
        for (Subscriber oldest : held.subList(0, Math.max(0, held.size() - capPerClient + 1))) supersede(oldest);
        subscribers.add(subscriber);
        Runnable remove = () -> subscribers.remove(subscriber);
        subscriber.emitter().onCompletion(remove);
        subscriber.emitter().onTimeout(remove);
        subscriber.emitter().onError(e -> remove.run());
    }

    void publish(Alert alert) {
        for (Subscriber subscriber : subscribers) {
            if (!subscriber.send(alert)) subscribers.remove(subscriber);
        }
    }

    int open() {
        return subscribers.size();
    }

    private void supersede(Subscriber subscriber) {
        subscribers.remove(subscriber);
        try {
            subscriber
                    .emitter()
                    .send(SseEmitter.event()
                            .name(SUPERSEDED)
                            .data(
                                    new Superseded(
                                            "A newer alert stream of yours took this one's place: one caller holds at most "
                                                    + capPerClient
                                                    + " at once.",
                                            capPerClient),
                                    MediaType.APPLICATION_JSON));
            subscriber.emitter().complete();
        } catch (IOException | IllegalStateException e) {
            subscriber.emitter().completeWithError(e);
        }
    }

    private void ping() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(subscriber);
                subscriber.emitter().completeWithError(e);
            }
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
        subscribers.forEach(s -> s.emitter().complete());
        subscribers.clear();
    }
}
