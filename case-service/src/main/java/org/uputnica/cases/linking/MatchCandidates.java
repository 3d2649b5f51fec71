package org.uputnica.cases.linking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.uputnica.cases.casefile.CaseFile;
import org.uputnica.cases.person.Sex;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Narrows the other agencies' cases to the few worth scoring, in the database and on its indexes, so that a case
 * is never compared with every person in Java:
 * <ul>
 *     <li>by identifier: containment ({@code @>}) of each of the person's identifiers, on the GIN index
 *     {@code person_identifiers} ({@code jsonb_path_ops});</li>
 *     <li>by name: trigram word similarity ({@code <%}, pg_trgm) of each of the person's folded names to the
 *     candidate's folded name key, on the GIN index {@code person_name_fold_trgm}; then, as a recheck, the same sex
 *     unless either is unknown, and a birth year within the tolerance unless either is unknown. Most similar
 *     first, at most {@link LinkingConfig#maxCandidates()}.</li>
 * </ul>
 * Anonymised cases and the caller's own agency's cases are never candidates; nor, unless the search is open,
 * cases of agencies without an active referral about either record ({@link SearchScope}).
 */
@ApplicationScoped
public class MatchCandidates {
    /** Person.birthYear() in SQL: the exact year, or the year the age was estimated minus the age. */
    private static final String BIRTH_YEAR = "coalesce(cast(extract(year from p.date_of_birth) as int), "
            + "cast(extract(year from p.age_estimated_on) as int) - p.estimated_age)";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    LinkingConfig config;

    /** The other agencies' cases that may be about the same person, with their persons loaded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CaseFile> of(CaseFile subject, MatchProfile profile, SearchScope scope) {
        Set<UUID> ids = new LinkedHashSet<>(byIdentifier(subject, profile, scope));
        ids.addAll(byName(subject, profile, scope));
        if (ids.isEmpty()) {
            return List.of();
        }
        return CaseFile.<CaseFile>find("from CaseFile c join fetch c.person where c.id in ?1", ids).list();
    }

    /**
     * Which of these other cases this request compared again: all of them in the open search; else those in scope,
     * and those that can be no candidate any more (anonymised, or now of the subject's agency).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> comparedAgain(CaseFile subject, Set<UUID> others, SearchScope scope) {
        if (others.isEmpty() || scope.open()) {
            return others;
        }
        Query q = em.createNativeQuery("select c.id from case_file c where c.id in (:ids) and (c.owner_agency = :agency"
                + " or c.anonymised_at is not null or " + SearchScope.REFERRAL_BETWEEN + ")", UUID.class)
                .setParameter("ids", others);
        return new LinkedHashSet<>(ids(scoped(q, subject, scope)));
    }

    private List<UUID> byIdentifier(CaseFile subject, MatchProfile profile, SearchScope scope) {
        if (profile.identifiers().isEmpty()) {
            return List.of();
        }
        // one containment per identifier, OR-ed: GIN indexes do not take `@> any(array)`, but a BitmapOr of each
        List<String> conditions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (MatchProfile.IdentifierKey id : profile.identifiers()) {
            conditions.add("p.identifiers @> cast(:id" + values.size() + " as jsonb)");
            ArrayNode contained = json.createArrayNode();
            contained.addObject().put("type", id.type().name()).put("value", id.value());
            values.add(contained.toString());
        }
        Query q = em.createNativeQuery("select c.id from case_file c join person p on p.id = c.person_id "
                + "where c.owner_agency <> :agency and c.anonymised_at is null and ("
                + String.join(" or ", conditions) + ")" + scope.sqlCondition() + " limit :max", UUID.class);
        for (int i = 0; i < values.size(); i++) {
            q.setParameter("id" + i, values.get(i));
        }
        return ids(scoped(q, subject, scope).setParameter("agency", subject.ownerAgency)
                .setParameter("max", config.maxCandidates()));
    }

    private List<UUID> byName(CaseFile subject, MatchProfile profile, SearchScope scope) {
        List<String> names = profile.foldedNameStrings();
        if (names.isEmpty()) {
            return List.of();
        }
        // the threshold of `<%` is a setting; `true` keeps it to this transaction
        em.createNativeQuery("select set_config('pg_trgm.word_similarity_threshold', :t, true)")
                .setParameter("t", Double.toString(config.prefilterSimilarity())).getSingleResult();
        List<String> similar = new ArrayList<>();
        List<String> similarity = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            similar.add(":name" + i + " <% linking_fold(p.name_key)");
            similarity.add("word_similarity(:name" + i + ", linking_fold(p.name_key))");
        }
        StringBuilder sql = new StringBuilder("select c.id from case_file c join person p on p.id = c.person_id "
                + "where c.owner_agency <> :agency and c.anonymised_at is null and (")
                .append(String.join(" or ", similar)).append(")").append(scope.sqlCondition());
        if (profile.sexKnown()) {
            sql.append(" and (p.sex = :sex or p.sex = '").append(Sex.UNKNOWN.name()).append("')");
        }
        if (profile.birthYear() != null) {
            sql.append(" and (").append(BIRTH_YEAR).append(" is null or ").append(BIRTH_YEAR)
                    .append(" between :year - :tolerance and :year + :tolerance)");
        }
        sql.append(" order by greatest(").append(String.join(", ", similarity)).append(") desc limit :max");
        Query q = em.createNativeQuery(sql.toString(), UUID.class);
        for (int i = 0; i < names.size(); i++) {
            q.setParameter("name" + i, names.get(i));
        }
        if (profile.sexKnown()) {
            q.setParameter("sex", profile.sex().name());
        }
        if (profile.birthYear() != null) {
            q.setParameter("year", profile.birthYear()).setParameter("tolerance", config.ageToleranceYears());
        }
        return ids(scoped(q, subject, scope).setParameter("agency", subject.ownerAgency)
                .setParameter("max", config.maxCandidates()));
    }

    private static Query scoped(Query q, CaseFile subject, SearchScope scope) {
        return scope.open() ? q : q.setParameter("subject", subject.id).setParameter("agency", subject.ownerAgency);
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Query q) {
        return (List<UUID>) q.getResultList();
    }
}
