package org.uputnica.notifications.inbox;

import io.quarkus.panache.common.Parameters;
import org.uputnica.identity.Caller;
import org.uputnica.identity.Roles;

/**
 * Which inbox items a caller sees, as a JPQL condition over {@link InboxItem} and its parameters: the agency's
 * shared items, the items for roles the caller holds in the agency, items addressed to the caller personally, and,
 * for a coordinator, the items of the working groups she coordinates (whatever agency she belongs to).
 */
record InboxVisibility(String condition, Parameters parameters) {

    static InboxVisibility of(Caller caller) {
        Parameters params = Parameters.with("agency", caller.agency()).and("user", caller.userId());
        StringBuilder condition = new StringBuilder("(recipientAgency = :agency and (recipientUser is null or recipientUser = :user)");
        if (caller.roles().isEmpty()) {
            condition.append(" and recipientRole is null)");
        } else {
            // an empty IN list is not valid SQL, hence the two forms
            condition.append(" and (recipientRole is null or recipientRole in :roles))");
            params.and("roles", caller.roles());
        }
        if (caller.hasRole(Roles.COORDINATOR) && !caller.workingGroups().isEmpty()) {
            condition.append(" or recipientWorkingGroup in :groups");
            params.and("groups", caller.workingGroups());
        }
        return new InboxVisibility("(" + condition + ")", params);
    }
}
