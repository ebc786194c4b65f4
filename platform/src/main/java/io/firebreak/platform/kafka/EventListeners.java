package io.firebreak.platform.kafka;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/** Runs one listener container per {@link EventSubscription}, in the service's consumer group. */
public class EventListeners implements SmartLifecycle {

    private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
    private final List<EventSubscription> subscriptions;
    private final EventDispatcher dispatcher;
    private final String groupId;
    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private volatile boolean running;

    public EventListeners(ConcurrentKafkaListenerContainerFactory<String, String> factory,
            List<EventSubscription> subscriptions, EventDispatcher dispatcher, String groupId) {
        this.factory = factory;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.groupId = groupId;
    }

    public String groupId() {
        return groupId;
    }

    public List<EventSubscription> subscriptions() {
        return subscriptions;
    }

    @Override
    public synchronized void start() {
        for (EventSubscription subscription : subscriptions) {
            ConcurrentMessageListenerContainer<String, String> container =
                    factory.createContainer(subscription.topics().toArray(String[]::new));
            container.getContainerProperties().setGroupId(groupId);
            container.getContainerProperties().setMessageListener(
                    (MessageListener<String, String>) record -> dispatcher.dispatch(record, subscription.handler()));
            container.setBeanName(groupId + "-" + String.join("+", subscription.topics()));
            container.start();
            containers.add(container);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // After the outbox relay (OutboxRelay.PHASE) and the web server start, before they stop.
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
