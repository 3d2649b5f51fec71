import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What deploy/local/chaos needs to know of Kafka, as JSON on stdout. A single-file program run with the Kafka
 * client jars of the local launcher (as docs/tools/DeadLetters.java):
 * <pre>
 * java -cp 'deploy/local/launcher/target/lib/*' deploy/local/chaos.d/KafkaProbe.java COMMAND ...
 *   offsets TOPIC...                 {"TOPIC": {"PARTITION": END_OFFSET}}
 *   lag                              every consumer group: committed offset, end offset and lag per partition
 *   members                          every consumer group: its members (client id, host) and their partitions
 *   read TOPIC [P:O,P:O...]          the records from those offsets (else from the beginning) to the end, one JSON
 *                                    object a line: partition, offset, timestamp, key, headers, value
 *   produce TOPIC KEY VALUE          one record (acks=all); prints its partition and offset
 * </pre>
 * The broker is $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092). Reading uses no consumer group and commits nothing.
 */
public class KafkaProbe {
    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "offsets" -> offsets(List.of(args).subList(1, args.length));
            case "lag" -> lag();
            case "members" -> members();
            case "read" -> read(args.length > 1 ? args[1] : usage(), args.length > 2 ? args[2] : "");
            case "produce" -> {
                if (args.length != 4) {
                    usage();
                }
                produce(args[1], args[2], args[3]);
            }
            default -> usage();
        }
    }

    static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000"));
    }

    static void offsets(List<String> topics) throws Exception {
        ObjectNode out = JSON.createObjectNode();
        try (Admin admin = admin()) {
            for (String topic : topics) {
                ObjectNode t = out.putObject(topic);
                endOffsets(admin, topic).forEach((tp, end) -> t.put(String.valueOf(tp.partition()), end));
            }
        }
        System.out.println(out);
    }

    static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                .get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            specs.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new TreeMap<>(java.util.Comparator.comparingInt(TopicPartition::partition));
        admin.listOffsets(specs).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** Lag of every consumer group on every partition of the topics it consumes (committed offsets only). */
    /** Who holds which partitions: with several instances of a service, the group spreads the topic over them. */
    static void members() throws Exception {
        ObjectNode out = JSON.createObjectNode();
        try (Admin admin = admin()) {
            var ids = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS)
                    .stream().map(GroupListing::groupId).toList();
            var groups = admin.describeConsumerGroups(ids).all().get(30, TimeUnit.SECONDS);
            for (var g : new TreeMap<>(groups).values()) {
                ArrayNode members = out.putArray(g.groupId());
                for (var m : g.members()) {
                    ObjectNode member = members.addObject();
                    member.put("clientId", m.clientId());
                    member.put("host", m.host());
                    ArrayNode parts = member.putArray("partitions");
                    m.assignment().topicPartitions().stream()
                            .sorted(java.util.Comparator.comparing(TopicPartition::topic)
                                    .thenComparingInt(TopicPartition::partition))
                            .forEach(tp -> parts.add(tp.topic() + "-" + tp.partition()));
                }
            }
        }
        System.out.println(out);
    }

    static void lag() throws Exception {
        ObjectNode out = JSON.createObjectNode();
        try (Admin admin = admin()) {
            var groups = admin.listGroups(ListGroupsOptions.forConsumerGroups()).all().get(30, TimeUnit.SECONDS);
            for (GroupListing g : groups) {
                ObjectNode group = out.putObject(g.groupId());
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(g.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<String, Map<TopicPartition, Long>> ends = new HashMap<>();
                for (TopicPartition tp : committed.keySet()) {
                    if (!ends.containsKey(tp.topic())) {
                        ends.put(tp.topic(), endOffsets(admin, tp.topic()));
                    }
                }
                // partitions the group never committed on count from the start of the partition
                for (var e : ends.entrySet()) {
                    ObjectNode topic = group.putObject(e.getKey());
                    for (var end : e.getValue().entrySet()) {
                        OffsetAndMetadata c = committed.get(end.getKey());
                        long at = c == null ? 0 : c.offset();
                        ObjectNode p = topic.putObject(String.valueOf(end.getKey().partition()));
                        p.put("committed", c == null ? null : c.offset());
                        p.put("end", end.getValue());
                        p.put("lag", end.getValue() - at);
                    }
                }
            }
        }
        System.out.println(out);
    }

    static void read(String topic, String from) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<Integer, Long> start = new HashMap<>();
        for (String part : from.split(",")) {
            if (!part.isBlank()) {
                String[] po = part.split(":");
                start.put(Integer.parseInt(po[0].trim()), Long.parseLong(po[1].trim()));
            }
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            for (TopicPartition tp : partitions) {
                Long offset = start.get(tp.partition());
                if (offset == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, offset);
                }
            }
            long deadline = System.currentTimeMillis() + 120_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 120 s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition()))) {
                        continue; // written after we started: not part of this reading
                    }
                    ObjectNode line = JSON.createObjectNode();
                    line.put("partition", r.partition());
                    line.put("offset", r.offset());
                    line.put("timestamp", r.timestamp());
                    line.put("key", r.key());
                    ObjectNode headers = line.putObject("headers");
                    for (Header h : r.headers()) {
                        headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
                    }
                    line.put("value", r.value());
                    System.out.println(line);
                }
            }
        }
    }

    static void produce(String topic, String key, String value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            RecordMetadata m = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            ObjectNode out = JSON.createObjectNode();
            out.put("topic", m.topic());
            out.put("partition", m.partition());
            out.put("offset", m.offset());
            System.out.println(out);
        }
    }

    static String usage() {
        System.err.println("""
                usage: java -cp 'deploy/local/launcher/target/lib/*' deploy/local/chaos.d/KafkaProbe.java COMMAND
                  offsets TOPIC...           end offset of every partition
                  lag                        committed offset, end offset and lag of every consumer group
                  read TOPIC [P:O,...]       records from those offsets (default: the beginning), one JSON a line
                  produce TOPIC KEY VALUE    one record
                broker: $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092)""");
        System.exit(2);
        return null;
    }
}
