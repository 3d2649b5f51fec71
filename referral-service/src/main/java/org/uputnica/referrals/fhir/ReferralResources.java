package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ReferralView;

import java.time.OffsetDateTime;
import java.util.Date;

/**
 * A referral as FHIR resources (Gravity SDOH Clinical Care's referral pattern): a Task that asks the receiving agency
 * (owner) to fulfil a ServiceRequest (focus) for the case's person (for). Built from the {@link ReferralView} the
 * caller may see, so what is withheld from the receiver after a consent is withdrawn is withheld here too.
 */
final class ReferralResources {
    private ReferralResources() {
    }

    static Task task(ReferralView v) {
        Task t = new Task();
        t.setId(v.id().toString());
        t.getMeta().setVersionId(Long.toString(v.version())).setLastUpdated(date(v.updatedAt()));
        t.addIdentifier(new Identifier().setSystem(FhirCodes.REFERRAL).setValue(v.id().toString()));
        t.setStatus(FhirCodes.taskStatus(v.status()));
        t.setBusinessStatus(new CodeableConcept(new Coding(FhirCodes.REFERRAL_STATUS, v.status().name(), null)));
        CodeableConcept reason = statusReason(v);
        if (reason != null) {
            t.setStatusReason(reason);
        }
        t.setIntent(Task.TaskIntent.ORDER);
        t.setPriority(Task.TaskPriority.fromCode(FhirCodes.priority(v.urgency()).toCode()));
        t.setCode(new CodeableConcept(new Coding(FhirCodes.TASK_CODE_SYSTEM, FhirCodes.TASK_CODE_FULFILL,
                "Fulfill the focal request")));
        t.setFocus(new Reference("ServiceRequest/" + v.id()));
        t.setFor(patient(v));
        t.setAuthoredOn(date(v.createdAt()));
        t.setLastModified(date(v.updatedAt()));
        t.setRequester(organisation(v.fromAgency()));
        t.setOwner(organisation(v.toAgency()));
        if (v.outcome() != null) {
            CodeableConcept value = new CodeableConcept(new Coding(FhirCodes.OUTCOME, v.outcome().name(), null));
            value.setText(v.outcomeNote());
            t.addOutput().setType(new CodeableConcept(new Coding(FhirCodes.TASK_OUTPUT, FhirCodes.OUTPUT_OUTCOME,
                    null))).setValue(value);
        }
        if (v.forwardedTo() != null) {
            t.addOutput().setType(new CodeableConcept(new Coding(FhirCodes.TASK_OUTPUT,
                    FhirCodes.OUTPUT_FORWARDED_TO, null))).setValue(new Reference("Task/" + v.forwardedTo()));
        }
        return t;
    }

    static ServiceRequest serviceRequest(ReferralView v) {
        ServiceRequest s = new ServiceRequest();
        s.setId(v.id().toString());
        s.getMeta().setVersionId(Long.toString(v.version())).setLastUpdated(date(v.updatedAt()));
        s.addIdentifier(new Identifier().setSystem(FhirCodes.REFERRAL).setValue(v.id().toString()));
        s.setStatus(FhirCodes.serviceRequestStatus(v.status()));
        s.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        s.setPriority(FhirCodes.priority(v.urgency()));
        s.setCode(new CodeableConcept(new Coding(FhirCodes.SERVICE_TYPE, v.service().name(), null)));
        s.setSubject(patient(v));
        s.setAuthoredOn(date(v.createdAt()));
        s.setRequester(organisation(v.fromAgency()));
        s.addPerformer(organisation(v.toAgency()));
        if (v.reason() != null) {
            s.addReasonCode().setText(v.reason());
        }
        if (v.sharing() != null) {
            if (v.sharing().consentId() != null) {
                s.addSupportingInfo(new Reference().setType("Consent").setIdentifier(new Identifier()
                        .setSystem(FhirCodes.CONSENT).setValue(v.sharing().consentId().toString())));
            }
            for (SharedData kind : v.sharing().data().stream().sorted().toList()) {
                s.addOrderDetail(new CodeableConcept(new Coding(FhirCodes.SHARED_DATA, kind.name(), null)));
            }
        }
        return s;
    }

    /** Organization/{alias}: an agency's id in the facade is its alias, which its identifier repeats. */
    static Reference organisation(String alias) {
        return new Reference("Organization/" + alias)
                .setIdentifier(new Identifier().setSystem(FhirCodes.AGENCY).setValue(alias));
    }

    /** The case's person, by the case id only: the facade serves no Patient and keeps no personal data of it. */
    private static Reference patient(ReferralView v) {
        return new Reference().setType("Patient")
                .setIdentifier(new Identifier().setSystem(FhirCodes.CASE).setValue(v.caseId().toString()));
    }

    /** Why a Task stopped or paused: the decline code and note, the hold or withdrawal reason. */
    private static CodeableConcept statusReason(ReferralView v) {
        return switch (v.status()) {
            case DECLINED -> {
                CodeableConcept c = new CodeableConcept();
                if (v.declineCode() != null) {
                    c.addCoding(new Coding(FhirCodes.DECLINE_REASON, v.declineCode().name(), null));
                }
                yield c.setText(v.declineNote());
            }
            case ON_HOLD -> v.holdReason() == null ? null : new CodeableConcept().setText(v.holdReason());
            case WITHDRAWN -> v.withdrawReason() == null ? null : new CodeableConcept().setText(v.withdrawReason());
            default -> null;
        };
    }

    static Date date(OffsetDateTime at) {
        return at == null ? null : Date.from(at.toInstant());
    }
}
