package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ReferralInput;
import org.uputnica.referrals.referral.ReferralKind;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Sharing;
import org.uputnica.referrals.referral.Urgency;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A transaction Bundle that creates a referral, read into the REST API's {@link ReferralInput.NewReferral}: one
 * ServiceRequest (what is asked), one Task ({@code intent=order}, {@code focus} the ServiceRequest, {@code owner} the
 * receiving agency) and at most one minimal Patient, which only names the case. Each rule it breaks is a 422 naming
 * the element; docs/fhir.md lists the mapping.
 */
record ReferralBundle(Bundle.BundleEntryComponent taskEntry, Bundle.BundleEntryComponent requestEntry,
                      Bundle.BundleEntryComponent patientEntry, ReferralInput.NewReferral input) {

    static ReferralBundle read(Bundle bundle) {
        if (bundle.getType() != Bundle.BundleType.TRANSACTION) {
            throw FhirProblems.unprocessable("Bundle.type", "must be transaction");
        }
        Bundle.BundleEntryComponent taskEntry = only(bundle, Task.class, true);
        Bundle.BundleEntryComponent requestEntry = only(bundle, ServiceRequest.class, true);
        Bundle.BundleEntryComponent patientEntry = only(bundle, Patient.class, false);
        if (bundle.getEntry().size() != (patientEntry == null ? 2 : 3)) {
            throw FhirProblems.unprocessable("Bundle.entry", "holds one Task, one ServiceRequest, at most one Patient "
                    + "and nothing else");
        }
        for (Bundle.BundleEntryComponent e : List.of(taskEntry, requestEntry)) {
            if (e.getRequest().getMethod() != Bundle.HTTPVerb.POST) {
                throw FhirProblems.unprocessable("Bundle.entry.request.method", "the Task and the ServiceRequest are "
                        + "created: POST");
            }
        }
        Task task = (Task) taskEntry.getResource();
        ServiceRequest request = (ServiceRequest) requestEntry.getResource();
        Patient patient = patientEntry == null ? null : (Patient) patientEntry.getResource();

        if (task.getIntent() != Task.TaskIntent.ORDER) {
            throw FhirProblems.unprocessable("Task.intent", "must be order");
        }
        if (task.hasStatus() && task.getStatus() != Task.TaskStatus.REQUESTED) {
            throw FhirProblems.unprocessable("Task.status", "a new referral Task is requested (drafts are made with "
                    + "the REST API)");
        }
        if (!refersTo(task.getFocus(), requestEntry)) {
            throw FhirProblems.unprocessable("Task.focus", "must refer to the Bundle's ServiceRequest");
        }
        String toAgency = agency(task.getOwner(), "Task.owner");
        if (toAgency == null) {
            throw FhirProblems.unprocessable("Task.owner", "must name the receiving agency: Organization/{alias} "
                    + "or an identifier of system " + FhirCodes.AGENCY);
        }
        UUID caseId = caseId(patient, request.getSubject(), task.getFor());
        ServiceType service = code(request.getCode(), FhirCodes.SERVICE_TYPE, ServiceType.class,
                "ServiceRequest.code", true);
        if (!request.hasPriority()) {
            throw FhirProblems.unprocessable("ServiceRequest.priority", "is required: routine, urgent, asap or stat");
        }
        Urgency urgency = FhirCodes.urgency(request.getPriority());
        if (urgency == null) {
            throw FhirProblems.unprocessable("ServiceRequest.priority", "must be routine, urgent, asap or stat");
        }
        String reason = request.getReasonCode().stream().map(CodeableConcept::getText)
                .filter(text -> text != null && !text.isBlank()).findFirst().orElse(null);
        return new ReferralBundle(taskEntry, requestEntry, patientEntry, new ReferralInput.NewReferral(caseId,
                toAgency, service, urgency, reason, ReferralKind.REFERRAL, sharing(request), null));
    }

    /**
     * The sharing basis: the consent record named in supportingInfo, the kinds of data in orderDetail. Neither is
     * no sharing at all, which the pipeline refuses (409 no-sharing-basis) after the owner check, as for the REST API.
     */
    private static Sharing sharing(ServiceRequest request) {
        UUID consentId = null;
        for (Reference info : request.getSupportingInfo()) {
            if (info.hasIdentifier() && FhirCodes.CONSENT.equals(info.getIdentifier().getSystem())) {
                consentId = uuid(info.getIdentifier().getValue(), "ServiceRequest.supportingInfo.identifier");
            }
        }
        Set<SharedData> data = EnumSet.noneOf(SharedData.class);
        for (CodeableConcept detail : request.getOrderDetail()) {
            data.add(code(detail, FhirCodes.SHARED_DATA, SharedData.class, "ServiceRequest.orderDetail", true));
        }
        if (consentId == null && data.isEmpty()) {
            return null;
        }
        if (data.isEmpty()) {
            throw FhirProblems.unprocessable("ServiceRequest.orderDetail", "must list the kinds of data shared "
                    + "(system " + FhirCodes.SHARED_DATA + ")");
        }
        // without a consent record this is refused by the pipeline (consent-record-required), after the owner check
        return new Sharing(Sharing.Basis.CONSENT, consentId, null, null, data);
    }

    /** The case: the Patient's identifier, else the identifier ServiceRequest.subject or Task.for gives. */
    private static UUID caseId(Patient patient, Reference subject, Reference forWhom) {
        if (patient != null) {
            for (Identifier id : patient.getIdentifier()) {
                if (FhirCodes.CASE.equals(id.getSystem())) {
                    return uuid(id.getValue(), "Patient.identifier");
                }
            }
        }
        for (Reference r : List.of(subject, forWhom)) {
            if (r.hasIdentifier() && FhirCodes.CASE.equals(r.getIdentifier().getSystem())) {
                return uuid(r.getIdentifier().getValue(), "ServiceRequest.subject.identifier");
            }
        }
        throw FhirProblems.unprocessable("Patient.identifier", "must name the case: an identifier of system "
                + FhirCodes.CASE + " whose value is the case id");
    }

    /** The agency alias of an Organization reference (by id or by identifier), null when it names none. */
    static String agency(Reference ref, String expression) {
        String alias = null;
        if (ref.hasIdentifier() && FhirCodes.AGENCY.equals(ref.getIdentifier().getSystem())) {
            alias = ref.getIdentifier().getValue();
        }
        if (ref.hasReference()) {
            String byId = agencyId(ref.getReference());
            if (byId == null || alias != null && !alias.equals(byId)) {
                throw FhirProblems.unprocessable(expression, "must be Organization/{alias} of an agency, and name "
                        + "the same agency as its identifier");
            }
            alias = byId;
        }
        return alias == null || alias.isBlank() ? null : alias.strip();
    }

    /** {@code Organization/csr-kikinda} (or the bare alias, as a search value may give it) to the alias. */
    static String agencyId(String reference) {
        String r = reference.strip();
        if (r.startsWith("Organization/")) {
            r = r.substring("Organization/".length());
        }
        return r.isEmpty() || r.contains("/") ? null : r;
    }

    static <E extends Enum<E>> E code(CodeableConcept concept, String system, Class<E> type, String expression,
                                      boolean required) {
        for (Coding coding : concept.getCoding()) {
            if (system.equals(coding.getSystem())) {
                try {
                    return Enum.valueOf(type, coding.getCode() == null ? "" : coding.getCode());
                } catch (IllegalArgumentException e) {
                    throw FhirProblems.unprocessable(expression, "'" + coding.getCode() + "' is not a code of "
                            + system + "; one of " + java.util.Arrays.toString(type.getEnumConstants()));
                }
            }
        }
        if (required) {
            throw FhirProblems.unprocessable(expression, "needs a coding of system " + system);
        }
        return null;
    }

    private static Bundle.BundleEntryComponent only(Bundle bundle, Class<? extends Resource> type, boolean required) {
        List<Bundle.BundleEntryComponent> found = bundle.getEntry().stream()
                .filter(e -> type.isInstance(e.getResource())).toList();
        if (found.size() > 1 || required && found.isEmpty()) {
            throw FhirProblems.unprocessable("Bundle.entry", "must hold " + (required ? "exactly" : "at most")
                    + " one " + type.getSimpleName());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** A reference to the entry by its fullUrl (urn:uuid:…) or by the resource's type and id. */
    private static boolean refersTo(Reference ref, Bundle.BundleEntryComponent entry) {
        if (!ref.hasReference()) {
            return false;
        }
        String target = ref.getReference();
        Resource resource = entry.getResource();
        return target.equals(entry.getFullUrl())
                || resource.hasIdElement() && target.equals(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    }

    private static UUID uuid(String value, String expression) {
        try {
            return UUID.fromString(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw FhirProblems.unprocessable(expression, "must be a UUID");
        }
    }
}
