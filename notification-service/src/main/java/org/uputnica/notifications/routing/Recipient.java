package org.uputnica.notifications.routing;

import java.util.Objects;

/**
 * Who a notice is addressed to. Items are shared: an agency (everyone in it), the holders of one role in an
 * agency (its supervisors), one user of an agency, or the coordinators of a working group, which spans agencies.
 *
 * @param agency       the agency alias; null only for a working group
 * @param role         a realm role within the agency, e.g. {@code supervisor}; null for everyone in the agency
 * @param user         a user's subject id within the agency; null for everyone
 * @param workingGroup the working group whose coordinators are told; null for agency notices
 */
public record Recipient(String agency, String role, String user, String workingGroup) {

    public Recipient {
        if (workingGroup == null && agency == null) {
            throw new IllegalArgumentException("a recipient is an agency or a working group");
        }
        if (workingGroup != null && (agency != null || role != null || user != null)) {
            throw new IllegalArgumentException("a working group is addressed as a whole");
        }
    }

    public static Recipient agency(String agency) {
        return new Recipient(Objects.requireNonNull(agency), null, null, null);
    }

    public static Recipient role(String agency, String role) {
        return new Recipient(Objects.requireNonNull(agency), Objects.requireNonNull(role), null, null);
    }

    public static Recipient workingGroup(String workingGroup) {
        return new Recipient(null, null, null, Objects.requireNonNull(workingGroup));
    }

    public boolean isWorkingGroup() {
        return workingGroup != null;
    }

    /**
     * One text that names the recipient, stored with each item: the database keeps one item per (event, key),
     * and a unique index over one column is simpler and cheaper than one over four nullable columns.
     */
    public String key() {
        if (workingGroup != null) {
            return "group:" + workingGroup;
        }
        StringBuilder key = new StringBuilder("agency:").append(agency);
        if (role != null) {
            key.append("/role:").append(role);
        }
        if (user != null) {
            key.append("/user:").append(user);
        }
        return key.toString();
    }
}
