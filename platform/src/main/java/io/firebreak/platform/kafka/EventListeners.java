package io.firebreak.platform.kafka;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/** Runs one listener container per {@link EventSubscription}, in the service's consumer group. */
public class EventListeners implements SmartLifecycle {

    private final ConcurrentKafkaListenerContainerFactory<String, String> factory;
    private final List<EventSubscription> subscriptions;
    private final EventDispatcher dispatcher;
    private final String groupId;
    private final String instanceId;
    private final List<ConcurrentMessageListenerContainer<String, String>> containers = new ArrayList<>();
    private final Set<String> joined = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    public EventListeners(
            ConcurrentKafkaListenerContainerFactory<String, String> factory,
            List<EventSubscription> subscriptions,
            EventDispatcher dispatcher,
            String groupId,
            String instanceId) {
        this.factory = factory;
        this.subscriptions = subscriptions;
        this.dispatcher = dispatcher;
        this.groupId = groupId;
        this.instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId;
    }

    public String groupId() {
        return groupId;
    }

    /** The consumer group a subscription consumes in: the service's, or its own beside it. */
    public String groupOf(EventSubscription subscription) {
        return subscription.group() == null ? groupId : groupId + "." + subscription.group();
    }

    public List<EventSubscription> subscriptions() {
        return subscriptions;
    }

    @Override
    public synchronized void start() {
        for (EventSubscription subscription : subscriptions) {
            ConcurrentMessageListenerContainer<String, String> container =
                    factory.createContainer(subscription.topics().toArray(String[]::new));
            container.getContainerProperties().setGroupId(groupOf(subscription));
            container
                    .getContainerProperties()
                    .setMessageListener(
                            subscription.batch() == null
                                    ? (MessageListener<String, String>)
                                            record -> dispatcher.dispatch(record, subscription.handler())
                                    : (BatchMessageListener<String, String>)
                                            records -> dispatcher.dispatchBatch(records, subscription));
            String name = groupOf(subscription) + "-" + String.join("+", subscription.topics());
            container.setBeanName(name);
            if (instanceId != null) {
                // Static membership: the container adds each consumer's number ("-0", "-1") to the name, which
                // Kafka allows only letters, digits, '.', '_' and '-'.
                container
                        .getContainerProperties()
                        .getKafkaConsumerProperties()
                        .setProperty(
                                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
                                (instanceId + "." + name).replaceAll("[^A-Za-z0-9._-]", "_"));
            }
            container.getContainerProperties().setConsumerRebalanceListener(new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    joined.add(name); // also with no partitions: more instances than partitions is fine
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
            });
            container.start();
            containers.add(container);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        containers.clear();
        joined.clear();
        running = false;
    }

    /** Whether every subscription's consumer has joined its group, i.e. events are being read. */
    public synchronized boolean allJoined() {
        return running && containers.stream().allMatch(c -> joined.contains(c.getBeanName()));
    }

    /** The topic partitions each subscription's consumers hold now. */
    public synchronized Map<String, List<String>> assignments() {
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        for (ConcurrentMessageListenerContainer<String, String> container : containers) {
            Collection<TopicPartition> partitions = container.getAssignedPartitions();
            assigned.put(
                    container.getBeanName(),
                    partitions == null
                            ? List.of()
                            : partitions.stream().map(Object::toString).sorted().toList());
        }
        return assigned;
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
