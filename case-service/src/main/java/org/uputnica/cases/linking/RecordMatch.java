package org.uputnica.cases.linking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A possible match between two agencies' cases: one row per pair, whichever side found it, so that its id is
 * stable and a decision by either side holds for both. {@code caseA} is the smaller id (as PostgreSQL orders uuids).
 */
@Entity
@Table(name = "record_match")
public class RecordMatch extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "case_a")
    public UUID caseA;

    @Column(name = "case_b")
    public UUID caseB;

    @Enumerated(EnumType.STRING)
    public MatchStatus status;

    public double score;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<MatchReason> reasons = new ArrayList<>();

    @Column(name = "suggested_at")
    public OffsetDateTime suggestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    /** The deciding user's subject id. */
    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_by_username")
    public String decidedByUsername;

    @Column(name = "decided_by_agency")
    public String decidedByAgency;

    public String note;

    @Version
    public long version;

    public boolean involves(UUID caseId) {
        return caseA.equals(caseId) || caseB.equals(caseId);
    }

    public UUID other(UUID caseId) {
        return caseA.equals(caseId) ? caseB : caseA;
    }

    /** The pair in the stored order: the smaller id first, comparing as PostgreSQL does (byte by byte). */
    static UUID[] ordered(UUID one, UUID two) {
        return one.toString().compareTo(two.toString()) < 0 ? new UUID[]{one, two} : new UUID[]{two, one};
    }
}
