import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Inspect and replay the dead-letter topics (docs/runbook.md). A single-file program: no build, only the Kafka
 * client jars, e.g. those of the local launcher:
 * <pre>
 * CP='deploy/local/launcher/target/lib/*'; QUIET=-Dorg.slf4j.simpleLogger.defaultLogLevel=warn
 * java $QUIET -cp "$CP" docs/tools/DeadLetters.java list uputnica.notification-service.dlq.v1
 * java $QUIET -cp "$CP" docs/tools/DeadLetters.java replay uputnica.notification-service.dlq.v1 0 17
 * java $QUIET -cp "$CP" docs/tools/DeadLetters.java replay-all uputnica.notification-service.dlq.v1
 * </pre>
 * The broker is $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092). Reading uses no consumer group and commits nothing.
 * A replayed record goes to the topic named in its dead-letter-topic header (or --to TOPIC) with its original key,
 * value and CloudEvents headers; consumers skip events they already applied (by event id), so a replay is safe.
 */
public class DeadLetters {
    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        String command = args[0];
        String topic = args[1];
        String to = option(args, "--to");
        switch (command) {
            case "list" -> {
                List<ConsumerRecord<String, String>> records = readAll(topic);
                records.forEach(DeadLetters::print);
                System.out.printf("%d record(s) on %s%n", records.size(), topic);
            }
            case "replay" -> {
                if (args.length < 4) {
                    usage();
                }
                int partition = Integer.parseInt(args[2]);
                long offset = Long.parseLong(args[3]);
                ConsumerRecord<String, String> record = readAll(topic).stream()
                        .filter(r -> r.partition() == partition && r.offset() == offset)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("no record " + topic + "/" + partition + "@" + offset));
                replay(List.of(record), to);
            }
            case "replay-all" -> replay(readAll(topic), to);
            default -> usage();
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 60 s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(out::add);
            }
        }
        return out;
    }

    static void print(ConsumerRecord<String, String> r) {
        System.out.printf("--- %s partition %d offset %d  time %s  key %s%n", r.topic(), r.partition(), r.offset(),
                java.time.Instant.ofEpochMilli(r.timestamp()), r.key());
        for (Header h : r.headers()) {
            System.out.printf("    %s: %s%n", h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
        }
        System.out.println("    value: " + r.value());
    }

    static void replay(List<ConsumerRecord<String, String>> records, String to) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (ConsumerRecord<String, String> r : records) {
                String target = to != null ? to : header(r, "dead-letter-topic");
                if (target == null) {
                    System.out.printf("skipped %d@%d: no dead-letter-topic header; name the target with --to%n",
                            r.partition(), r.offset());
                    continue;
                }
                ProducerRecord<String, String> copy = new ProducerRecord<>(target, r.key(), r.value());
                for (Header h : r.headers()) {
                    if (!h.key().startsWith("dead-letter-")) {
                        copy.headers().add(h);
                    }
                }
                RecordMetadata m = producer.send(copy).get();
                System.out.printf("replayed %s %d@%d (key %s) to %s partition %d offset %d%n", r.topic(), r.partition(),
                        r.offset(), r.key(), m.topic(), m.partition(), m.offset());
            }
        }
    }

    static String header(ConsumerRecord<String, String> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static String option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    static void usage() {
        System.err.println("""
                usage: java -cp 'deploy/local/launcher/target/lib/*' docs/tools/DeadLetters.java COMMAND
                  list TOPIC                          every record with its headers (dead-letter-reason, ...)
                  replay TOPIC PARTITION OFFSET [--to TOPIC]   produce one record back to its source topic
                  replay-all TOPIC [--to TOPIC]       produce every record back (DLQ records are not deleted)
                broker: $KAFKA_BOOTSTRAP_SERVERS (default localhost:9092)""");
        System.exit(2);
    }
}
