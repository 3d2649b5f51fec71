package org.uputnica.referrals.directory;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.uputnica.referrals.referral.ServiceType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies of the directory API. */
public final class DirectoryView {
    private DirectoryView() {
    }

    /** A service with everything a caseworker needs to choose where to refer: who, for whom, where, when, places. */
    @Schema(name = "DirectoryService")
    public record Service(UUID id, AgencyRef agency, ServiceType category, String name, String description,
                          ServiceStatus status, Eligibility eligibility, List<String> languages,
                          boolean interpretationAvailable, DirectoryInput.Location location, List<String> serviceAreas,
                          DirectoryInput.Contact contact, List<DirectoryInput.OpeningHours> schedules, Capacity capacity,
                          OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    /** The agency giving a service, in short. */
    @Schema(name = "DirectoryAgencyRef")
    public record AgencyRef(String alias, String name, String country, String kind, String municipality) {
        static AgencyRef of(AgencyProfile a) {
            return new AgencyRef(a.alias, a.name, a.country, a.kind, a.municipality);
        }
    }

    @Schema(name = "Eligibility")
    public record Eligibility(Integer minAge, Integer maxAge, EligibleSex sex, List<LegalStatus> legalStatuses,
                              String description) {
    }

    /** The current places; {@code updatedBy} is the login name of who reported them. */
    @Schema(name = "ServiceCapacity")
    public record Capacity(int capacity, int vacancies, int waitlist, OffsetDateTime updatedAt, String updatedBy) {
    }

    @Schema(name = "DirectoryServicePage")
    public record Page(List<Service> items, int page, int size, long total) {
    }

    /** An agency's public profile. */
    @Schema(name = "DirectoryAgency")
    public record Agency(String alias, String name, String country, String kind, String municipality, String description,
                         String website, String email, String phone) {
        static Agency of(AgencyProfile a) {
            return new Agency(a.alias, a.name, a.country, a.kind, a.municipality, a.description, a.website, a.email,
                    a.phone);
        }
    }

    /** An agency's profile with its services. */
    @Schema(name = "DirectoryAgencyWithServices")
    public record AgencyWithServices(String alias, String name, String country, String kind, String municipality,
                                     String description, String website, String email, String phone,
                                     List<Service> services) {
        static AgencyWithServices of(AgencyProfile a, List<Service> services) {
            return new AgencyWithServices(a.alias, a.name, a.country, a.kind, a.municipality, a.description, a.website,
                    a.email, a.phone, services);
        }
    }

    @Schema(name = "CapacityChange")
    public record CapacityChange(OffsetDateTime at, int capacity, int vacancies, int waitlist, String updatedBy,
                                 String agency) {
        static CapacityChange of(CapacityUpdate u) {
            return new CapacityChange(u.at, u.capacity, u.vacancies, u.waitlist, u.actorName, u.actorAgency);
        }
    }
}
