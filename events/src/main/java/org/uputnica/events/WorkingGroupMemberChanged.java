package org.uputnica.events;

/**
 * Data of {@link EventType#WORKING_GROUP_MEMBER_ADDED} and {@link EventType#WORKING_GROUP_MEMBER_REMOVED}: which
 * agency joined or left which working group, and who changed it.
 */
public record WorkingGroupMemberChanged(String workingGroup, String agency, Actor actor) {
}
