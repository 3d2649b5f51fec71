package org.uputnica.events;

/**
 * Who made a change: the agency alias and the user's subject id (never a name). User tokens do not
 * travel through Kafka, so the acting party is carried in the event itself.
 */
public record Actor(String agency, String userId) {
}
