package org.uputnica.cases.person;

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
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The person a case is about. Personal data: never put in an event, every read is audited. */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "other_names")
    public List<String> otherNames = new ArrayList<>();

    /** {@link Names#key} of the given, family and other names, for finding the same person in other agencies. */
    @Column(name = "name_key")
    public String nameKey = "";

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Column(name = "estimated_age")
    public Integer estimatedAge;

    @Column(name = "age_estimated_on")
    public LocalDate ageEstimatedOn;

    @Enumerated(EnumType.STRING)
    public Sex sex;

    public String nationality;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> languages = new ArrayList<>();

    @Column(name = "interpreter_needed")
    public boolean interpreterNeeded;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_status")
    public LegalStatus legalStatus;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Identifier> identifiers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<FamilyLink> family = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Guardian guardian;

    @Version
    public long version;

    /**
     * Takes everything the caseworker entered. The rules that span fields are checked here, each naming its field
     * ({@code prefix} is where the person sits in the request, e.g. {@code person}).
     */
    public void apply(PersonInput in, LocalDate today, String prefix) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.dateOfBirth() != null && in.estimatedAge() != null) {
            errors.add(new Problem.FieldError(prefix + "estimatedAge", "give either dateOfBirth or estimatedAge, not both"));
        }
        if (in.ageEstimatedOn() != null && in.estimatedAge() == null) {
            errors.add(new Problem.FieldError(prefix + "ageEstimatedOn", "only goes with estimatedAge"));
        }
        List<Identifier> ids = in.identifiers() == null ? List.of()
                : in.identifiers().stream().map(Identifier::normalised).toList();
        for (int i = 0; i < ids.size(); i++) {
            Identifier id = ids.get(i);
            if (id.type() == IdentifierType.JMBG && in.dateOfBirth() != null
                    && !in.dateOfBirth().equals(Jmbg.birthDate(id.value()))) {
                errors.add(new Problem.FieldError(prefix + "identifiers[" + i + "].value",
                        "the JMBG encodes the date of birth " + Jmbg.birthDate(id.value()) + ", not " + in.dateOfBirth()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, ProblemType.VALIDATION, "Invalid request",
                    String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList()), errors);
        }
        givenName = in.givenName().strip();
        familyName = in.familyName().strip();
        otherNames = new ArrayList<>(in.otherNamesOrEmpty().stream().map(String::strip).toList());
        dateOfBirth = in.dateOfBirth();
        estimatedAge = in.estimatedAge();
        ageEstimatedOn = in.estimatedAge() == null ? null : in.ageEstimatedOn() == null ? today : in.ageEstimatedOn();
        sex = in.sex();
        nationality = in.nationality();
        languages = in.languages() == null ? new ArrayList<>() : new ArrayList<>(in.languages());
        interpreterNeeded = Boolean.TRUE.equals(in.interpreterNeeded());
        legalStatus = in.legalStatus();
        identifiers = new ArrayList<>(ids);
        contacts = in.contacts() == null ? new ArrayList<>() : new ArrayList<>(in.contacts());
        family = in.family() == null ? new ArrayList<>() : new ArrayList<>(in.family());
        guardian = in.guardian();
        nameKey = nameKeyOf();
    }

    private String nameKeyOf() {
        StringBuilder key = new StringBuilder(Names.key(givenName + " " + familyName));
        for (String other : otherNames) {
            key.append('|').append(Names.key(other));
        }
        return key.length() > 300 ? key.substring(0, 300) : key.toString();
    }

    /** The birth year, exact or estimated: for matching and for age groups in statistics. */
    public Integer birthYear() {
        if (dateOfBirth != null) {
            return dateOfBirth.getYear();
        }
        if (estimatedAge != null && ageEstimatedOn != null) {
            return ageEstimatedOn.getYear() - estimatedAge;
        }
        return null;
    }

    /** Erases everything that identifies the person; what remains (sex, birth year) serves statistics only. */
    public void anonymise() {
        givenName = "—";
        familyName = "—";
        otherNames = new ArrayList<>();
        nameKey = "";
        Integer year = birthYear();
        dateOfBirth = year == null ? null : LocalDate.of(year, 1, 1);
        estimatedAge = null;
        ageEstimatedOn = null;
        identifiers = new ArrayList<>();
        contacts = new ArrayList<>();
        family = new ArrayList<>();
        guardian = null;
    }
}
