package org.uputnica.referrals.fhir;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations;

import java.util.Date;

/** What the facade serves, as FHIR says it: Task read, update and search, ServiceRequest read, transactions. */
final class Capability {
    /** When this statement last changed (not the start of the service: it changes with the code). */
    private static final Date PUBLISHED = Date.from(java.time.Instant.parse("2026-12-08T00:00:00Z"));

    private Capability() {
    }

    static CapabilityStatement statement(String base) {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(Enumerations.PublicationStatus.ACTIVE);
        cs.setDate(PUBLISHED);
        cs.setPublisher("Uputnica");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Uputnica referral-service FHIR facade");
        cs.getImplementation().setDescription("Closed-loop referrals between agencies, after the Gravity SDOH "
                + "Clinical Care referral pattern (Task and ServiceRequest)").setUrl(base);
        cs.setFhirVersion(Enumerations.FHIRVersion._4_0_1);
        cs.addFormat("application/fhir+json");
        cs.addFormat("json");

        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")))
                .setDescription("A bearer token of the Uputnica realm (Keycloak): a user's or an integrator's "
                        + "client-credentials token. The agency it names decides what it may see and do.");
        rest.addInteraction().setCode(CapabilityStatement.SystemRestfulInteraction.TRANSACTION)
                .setDocumentation("A Bundle of one ServiceRequest, one Task and at most one Patient creates a referral");

        CapabilityStatementRestResourceComponent task = rest.addResource().setType("Task");
        task.addInteraction().setCode(TypeRestfulInteraction.READ);
        task.addInteraction().setCode(TypeRestfulInteraction.UPDATE)
                .setDocumentation("Changing status acts on the referral (docs/fhir.md)");
        task.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        task.setVersioning(CapabilityStatement.ResourceVersionPolicy.VERSIONEDUPDATE);
        task.setUpdateCreate(false);
        task.addSearchParam().setName("owner").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("The receiving agency: Organization/{alias}");
        task.addSearchParam().setName("requester").setType(Enumerations.SearchParamType.REFERENCE)
                .setDocumentation("The sending agency: Organization/{alias}");
        task.addSearchParam().setName("status").setType(Enumerations.SearchParamType.TOKEN);
        task.addSearchParam().setName("_lastUpdated").setType(Enumerations.SearchParamType.DATE);

        CapabilityStatementRestResourceComponent request = rest.addResource().setType("ServiceRequest");
        request.addInteraction().setCode(TypeRestfulInteraction.READ);
        return cs;
    }
}
