package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestPriority;
import org.hl7.fhir.r4.model.ServiceRequest.ServiceRequestStatus;
import org.hl7.fhir.r4.model.Task.TaskStatus;
import org.uputnica.referrals.referral.ReferralStatus;
import org.uputnica.referrals.referral.Urgency;

import java.util.EnumSet;
import java.util.Set;

/**
 * The code systems and identifier systems of the FHIR facade, and how a referral's status and urgency read in FHIR
 * (docs/fhir.md has the same tables; {@code FhirCodesTest} holds them to each other).
 */
final class FhirCodes {
    /** Identifier systems: an agency (the Organization's id is the same alias), a case, a consent record, a referral. */
    static final String AGENCY = "urn:uputnica:agency";
    static final String CASE = "urn:uputnica:case";
    static final String CONSENT = "urn:uputnica:consent";
    static final String REFERRAL = "urn:uputnica:referral";

    /** Our own codes: the referral's status (Task.businessStatus), service, decline reason, outcome, shared data. */
    static final String REFERRAL_STATUS = "urn:uputnica:fhir:referral-status";
    static final String SERVICE_TYPE = "urn:uputnica:fhir:service-type";
    static final String DECLINE_REASON = "urn:uputnica:fhir:decline-reason";
    static final String OUTCOME = "urn:uputnica:fhir:referral-outcome";
    static final String SHARED_DATA = "urn:uputnica:fhir:shared-data";
    /** Task.output types: {@code outcome} (what came of it) and {@code forwarded-to} (the Task that replaced it). */
    static final String TASK_OUTPUT = "urn:uputnica:fhir:task-output";
    static final String OUTPUT_OUTCOME = "outcome";
    static final String OUTPUT_FORWARDED_TO = "forwarded-to";

    /** FHIR's own Task codes: a referral Task asks to fulfil its focus (the ServiceRequest). */
    static final String TASK_CODE_SYSTEM = "http://hl7.org/fhir/CodeSystem/task-code";
    static final String TASK_CODE_FULFILL = "fulfill";

    static final String PROBLEM_SYSTEM = "urn:uputnica:problem";

    private FhirCodes() {
    }

    /** The Task.status a referral status reads as; businessStatus always carries the referral status itself. */
    static TaskStatus taskStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> TaskStatus.DRAFT;
            case SENT, ACKNOWLEDGED, ESCALATED -> TaskStatus.REQUESTED;
            case ACCEPTED -> TaskStatus.ACCEPTED;
            case IN_PROGRESS -> TaskStatus.INPROGRESS;
            case ON_HOLD -> TaskStatus.ONHOLD;
            case DECLINED -> TaskStatus.REJECTED;
            case COMPLETED -> TaskStatus.COMPLETED;
            case WITHDRAWN, FORWARDED -> TaskStatus.CANCELLED;
        };
    }

    /** The referral statuses a Task.status search value finds (the inverse of {@link #taskStatus}). */
    static Set<ReferralStatus> referralStatuses(TaskStatus status) {
        Set<ReferralStatus> found = EnumSet.noneOf(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            if (taskStatus(s) == status) {
                found.add(s);
            }
        }
        return found;
    }

    static ServiceRequestStatus serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> ServiceRequestStatus.DRAFT;
            case ON_HOLD -> ServiceRequestStatus.ONHOLD;
            case COMPLETED -> ServiceRequestStatus.COMPLETED;
            case DECLINED, WITHDRAWN, FORWARDED -> ServiceRequestStatus.REVOKED;
            default -> ServiceRequestStatus.ACTIVE;
        };
    }

    static ServiceRequestPriority priority(Urgency urgency) {
        return switch (urgency) {
            case EMERGENCY -> ServiceRequestPriority.STAT;
            case URGENT -> ServiceRequestPriority.URGENT;
            case ROUTINE -> ServiceRequestPriority.ROUTINE;
        };
    }

    /** ASAP, between urgent and stat in FHIR, is read as URGENT (it is never written). */
    static Urgency urgency(ServiceRequestPriority priority) {
        return switch (priority) {
            case STAT -> Urgency.EMERGENCY;
            case URGENT, ASAP -> Urgency.URGENT;
            case ROUTINE -> Urgency.ROUTINE;
            default -> null;
        };
    }
}
