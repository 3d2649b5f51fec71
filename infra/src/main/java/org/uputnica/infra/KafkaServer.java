package org.uputnica.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.uputnica.events.Topic;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A real single-node KRaft Kafka broker in this JVM, with the system's topics created explicitly. */
public final class KafkaServer {
    private static EmbeddedKafkaBroker shared;

    private KafkaServer() {
    }

    /** The bootstrap servers of this JVM's broker, started on first use with all topics created. */
    public static synchronized String shared() {
        if (shared == null) {
            shared = new EmbeddedKafkaBroker()
                    .withKafkaPort(Ports.free())
                    .withControllerPort(Ports.free())
                    .withDeleteLogDirsOnClose(true)
                    .withAdditionalProperties(p -> {
                        p.put("auto.create.topics.enable", "false");
                        p.put("num.partitions", "1");
                        p.put("group.initial.rebalance.delay.ms", "0");
                    })
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "kafka-stop"));
            createTopics(shared.getAdvertisedListeners(), 1);
        }
        return shared.getAdvertisedListeners();
    }

    /**
     * Creates every topic of {@link Topic} with its partition count and retention; existing topics are left as they
     * are (change their retention with kafka-configs.sh --alter --add-config retention.ms=...).
     */
    public static void createTopics(String bootstrapServers, int replicationFactor) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topic.all().stream()
                    .filter(t -> !existing.contains(t.topicName()))
                    .map(t -> new NewTopic(t.topicName(), t.partitions(), (short) replicationFactor)
                            .configs(Map.of("retention.ms", Long.toString(t.retention().toMillis()))))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topics", e);
        }
    }
}
