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

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "alert-stream-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    AlertStreams(GatewayProperties properties) {
        long every = properties.alerts().keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::ping, every, every, TimeUnit.MILLISECONDS);
    }

    void add(Subscriber subscriber) {
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

    /** The streams {@code client} holds open. */
    int openBy(String client) {
        return (int) subscribers.stream().filter(s -> s.client().equals(client)).count();
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
