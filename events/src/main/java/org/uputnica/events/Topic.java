package org.uputnica.events;

import java.time.Duration;
import java.util.List;

/**
 * The Kafka topics of the system, created explicitly (the brokers do not auto-create topics).
 * Events are keyed by their aggregate id, so all events of one case or referral stay in order on one partition.
 * Each topic has a retention (Kafka's {@code retention.ms}, set when the topic is created; docs/data-protection.md):
 * the events carry ids and codes only, and consumers remember applied ids for longer (ProcessedEventsPruning, 30 days).
 */
public enum Topic {
    CASE_EVENTS("uputnica.case.events.v1", 6, Duration.ofDays(7), "/uputnica/case-service"),
    REFERRAL_EVENTS("uputnica.referral.events.v1", 6, Duration.ofDays(7), "/uputnica/referral-service"),
    /** Poison messages that the case-service could not process: two weeks for an operator to look and replay. */
    CASE_SERVICE_DLQ("uputnica.case-service.dlq.v1", 1, Duration.ofDays(14), null),
    /** Poison messages that the referral-service could not process. */
    REFERRAL_SERVICE_DLQ("uputnica.referral-service.dlq.v1", 1, Duration.ofDays(14), null),
    /** Poison messages that the notification-service could not process. */
    NOTIFICATION_SERVICE_DLQ("uputnica.notification-service.dlq.v1", 1, Duration.ofDays(14), null);

    private final String topicName;
    private final int partitions;
    private final Duration retention;
    private final String producer;

    Topic(String topicName, int partitions, Duration retention, String producer) {
        this.topicName = topicName;
        this.partitions = partitions;
        this.retention = retention;
        this.producer = producer;
    }

    /**
     * The CloudEvents {@code source} of the one service that publishes on this topic ("/uputnica/" and its
     * {@code quarkus.application.name}); null for a dead-letter topic. Consumers refuse events from any other.
     */
    public String producer() {
        return producer;
    }

    /** How long the broker keeps a message: the topic's {@code retention.ms}. */
    public Duration retention() {
        return retention;
    }

    public String topicName() {
        return topicName;
    }

    public int partitions() {
        return partitions;
    }

    public static List<Topic> all() {
        return List.of(values());
    }
}
