package org.uputnica.referrals.workinggroup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.uputnica.events.Actor;
import org.uputnica.events.EventType;
import org.uputnica.events.WorkingGroupMemberChanged;
import org.uputnica.identity.Caller;
import org.uputnica.platform.outbox.Outbox;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.referrals.agency.Agency;
import org.uputnica.referrals.audit.AdminAudit;

/**
 * A working group's member agencies, changed by a platform administrator. Idempotent: adding a member twice or
 * removing a non-member changes nothing, and only a change is audited and published.
 */
@ApplicationScoped
public class WorkingGroupMembers {
    private final EntityManager em;
    private final AdminAudit audit;
    private final Outbox outbox;

    WorkingGroupMembers(EntityManager em, AdminAudit audit, Outbox outbox) {
        this.em = em;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** @return whether the agency was not a member before */
    @Transactional
    public boolean add(Caller caller, String group, String agency) {
        requireBoth(group, agency);
        int added = em.createNativeQuery("insert into working_group_member (group_code, agency) values (:g, :a) "
                        + "on conflict do nothing")
                .setParameter("g", group).setParameter("a", agency).executeUpdate();
        if (added > 0) {
            recordChange(caller, group, agency, true);
        }
        return added > 0;
    }

    /** @return whether the agency was a member before */
    @Transactional
    public boolean remove(Caller caller, String group, String agency) {
        requireBoth(group, agency);
        int removed = em.createNativeQuery("delete from working_group_member where group_code = :g and agency = :a")
                .setParameter("g", group).setParameter("a", agency).executeUpdate();
        if (removed > 0) {
            recordChange(caller, group, agency, false);
        }
        return removed > 0;
    }

    private static void requireBoth(String group, String agency) {
        if (WorkingGroup.findByIdOptional(group).isEmpty()) {
            throw ProblemException.notFound("no working group " + group);
        }
        if (!Agency.exists(agency)) {
            throw ProblemException.notFound("no agency " + agency);
        }
    }

    private void recordChange(Caller caller, String group, String agency, boolean added) {
        audit.record(caller, added ? AdminAudit.Action.WORKING_GROUP_MEMBER_ADDED
                : AdminAudit.Action.WORKING_GROUP_MEMBER_REMOVED, group, agency);
        outbox.publish(added ? EventType.WORKING_GROUP_MEMBER_ADDED : EventType.WORKING_GROUP_MEMBER_REMOVED, group,
                new WorkingGroupMemberChanged(group, agency, new Actor(caller.agency(), caller.userId())));
    }
}
