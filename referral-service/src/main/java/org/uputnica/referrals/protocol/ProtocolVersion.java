package org.uputnica.referrals.protocol;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.uputnica.events.SharedData;
import org.uputnica.referrals.referral.ServiceType;
import org.uputnica.referrals.referral.Urgency;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One immutable version of a protocol: who leads, who must be told, the deadlines per urgency, the data a referral
 * must share, and the scope of referrals it governs. The database refuses updates and deletes of these rows.
 */
@Entity
@Table(name = "protocol_version")
public class ProtocolVersion extends PanacheEntityBase {
    @Id
    public UUID id;

    public String code;

    public int version;

    public String name;

    public String description;

    @Column(name = "lead_agency")
    public String leadAgency;

    /** The working group whose referrals it governs; null for any. */
    @Column(name = "scope_working_group")
    public String scopeWorkingGroup;

    /** The services whose referrals it governs; empty for any. */
    @ElementCollection
    @Fetch(FetchMode.SUBSELECT) // a list of versions loads each collection in one query, not one per version
    @CollectionTable(name = "protocol_scope_service", joinColumns = @JoinColumn(name = "protocol_version_id"))
    @Column(name = "service")
    @Enumerated(EnumType.STRING)
    public Set<ServiceType> scopeServices = EnumSet.noneOf(ServiceType.class);

    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "protocol_notify_agency", joinColumns = @JoinColumn(name = "protocol_version_id"))
    @Column(name = "agency")
    public Set<String> notifyAgencies = new TreeSet<>();

    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "protocol_required_data", joinColumns = @JoinColumn(name = "protocol_version_id"))
    @Column(name = "data_item")
    @Enumerated(EnumType.STRING)
    public Set<SharedData> requiredSharedData = EnumSet.noneOf(SharedData.class);

    @ElementCollection
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "protocol_deadline", joinColumns = @JoinColumn(name = "protocol_version_id"))
    @MapKeyColumn(name = "urgency")
    @MapKeyEnumerated(EnumType.STRING)
    public Map<Urgency, DeadlinePeriods> deadlines = new EnumMap<>(Urgency.class);

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "created_by_user")
    public String createdByUser;

    @Column(name = "created_by_name")
    public String createdByName;
}
