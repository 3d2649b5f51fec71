package org.uputnica.referrals.directory;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.uputnica.referrals.referral.ServiceType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A service an agency offers (HSDS service), with its eligibility, languages, one location, service areas, contact,
 * opening hours and, for services that have places, its current capacity. Only the owning agency changes it.
 */
@Entity
@Table(name = "directory_service")
public class DirectoryService extends PanacheEntityBase {
    @Id
    public UUID id;

    /** The owning agency's alias. */
    public String agency;

    @Enumerated(EnumType.STRING)
    public ServiceType category;

    public String name;

    public String description;

    @Enumerated(EnumType.STRING)
    public ServiceStatus status;

    @Column(name = "min_age")
    public Integer minAge;

    @Column(name = "max_age")
    public Integer maxAge;

    @Enumerated(EnumType.STRING)
    public EligibleSex sex;

    /** Enum names of {@link LegalStatus}; empty means no restriction. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "legal_statuses")
    public List<String> legalStatuses = new ArrayList<>();

    @Column(name = "eligibility_description")
    public String eligibilityDescription;

    /** ISO 639 codes, lower case, of the languages spoken by the staff (not through interpreters). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();

    @Column(name = "interpretation_available")
    public boolean interpretationAvailable;

    @Column(name = "location_name")
    public String locationName;

    public String address;

    @Column(name = "postal_code")
    public String postalCode;

    /** The location's municipality; null for a service without a physical location. */
    public String municipality;

    public Double latitude;

    public Double longitude;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "service_areas")
    public List<String> serviceAreas = new ArrayList<>();

    /** {@link MunicipalityKey} of the location's municipality and of every service area: what the search matches. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "municipality_keys")
    public List<String> municipalityKeys = new ArrayList<>();

    @Column(name = "contact_name")
    public String contactName;

    @Column(name = "contact_email")
    public String contactEmail;

    @Column(name = "contact_phone")
    public String contactPhone;

    @ElementCollection
    @CollectionTable(name = "directory_service_schedule", joinColumns = @JoinColumn(name = "service_id"))
    @BatchSize(size = 100)
    public List<OpeningHoursEntry> schedules = new ArrayList<>();

    /** Places in all; null for a service without capacity. */
    public Integer capacity;

    public Integer vacancies;

    public Integer waitlist;

    @Column(name = "capacity_updated_at")
    public OffsetDateTime capacityUpdatedAt;

    /** The login name of who last updated the capacity. */
    @Column(name = "capacity_updated_by")
    public String capacityUpdatedBy;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Version
    public long version;

    public boolean hasCapacity() {
        return capacity != null;
    }
}
