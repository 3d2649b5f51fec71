package org.uputnica.events;

import java.util.List;

/**
 * The Kafka topics of the system, created explicitly (the brokers do not auto-create topics).
 * Events are keyed by their aggregate id, so all events of one case or referral stay in order on one partition.
 */
public enum Topic {
    CASE_EVENTS("uputnica.case.events.v1", 6),
    REFERRAL_EVENTS("uputnica.referral.events.v1", 6),
    /** Poison messages that the case-service could not process. */
    CASE_SERVICE_DLQ("uputnica.case-service.dlq.v1", 1),
    /** Poison messages that the referral-service could not process. */
    REFERRAL_SERVICE_DLQ("uputnica.referral-service.dlq.v1", 1),
    /** Poison messages that the notification-service could not process. */
    NOTIFICATION_SERVICE_DLQ("uputnica.notification-service.dlq.v1", 1);

    private final String topicName;
    private final int partitions;

    Topic(String topicName, int partitions) {
        this.topicName = topicName;
        this.partitions = partitions;
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
