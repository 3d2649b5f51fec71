package org.uputnica.cases.statistics;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.Caller;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.ratelimit.RateLimited;
import org.uputnica.platform.problem.ProblemType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Case figures for ministry analysts (all agencies), supervisors and integrations (their own agency): aggregates only. */
@Path("/api/v1/cases/statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Statistics")
@SecurityRequirement(name = "SecurityScheme")
public class CaseStatisticsResource {
    /** The case's person's age in whole years, by the exact or estimated birth year. */
    private static final String AGE_GROUP = """
            case when p.date_of_birth is null and p.estimated_age is null then 'UNKNOWN'
                 else case
                   when extract(year from current_date) - coalesce(extract(year from p.date_of_birth),
                        extract(year from p.age_estimated_on) - p.estimated_age) < 6 then '0-5'
                   when extract(year from current_date) - coalesce(extract(year from p.date_of_birth),
                        extract(year from p.age_estimated_on) - p.estimated_age) < 14 then '6-13'
                   when extract(year from current_date) - coalesce(extract(year from p.date_of_birth),
                        extract(year from p.age_estimated_on) - p.estimated_age) < 18 then '14-17'
                   else '18+' end end""";

    @Inject
    EntityManager em;

    @Inject
    CurrentCaller caller;

    @Inject
    StatisticsConfig config;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @RolesAllowed({Roles.ANALYST, Roles.SUPERVISOR, Roles.INTEGRATOR})
    @Operation(summary = "Case figures: by category, step, risk, legal status, age group, sex, agency, sharing basis",
            description = """
                    An analyst sees all agencies (or one, with `agency`); a supervisor or an agency's integration (client
                    credentials, role `integrator`) only their own agency. Counts
                    below uputnica.statistics.min-cell-size (default 5) are suppressed. `sharing` counts the referrals
                    of these cases by basis: LEGAL_BASIS marks sharing without consent.""")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(responseCode = "403", description = "A supervisor or an integration asked for another agency")
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("statistics")
    public CaseStatistics statistics(@QueryParam("agency") String agency) {
        Caller me = caller.get();
        String scope = agency == null || agency.isBlank() ? null : agency.strip();
        if (!me.hasRole(Roles.ANALYST)) {
            if (scope != null && !scope.equals(me.agency())) {
                throw ProblemException.forbidden(ProblemType.FORBIDDEN, "a supervisor or an integration sees the figures of its own agency only");
            }
            scope = me.agency();
        }
        int min = config.minCellSize();
        String where = " where (cast(:agency as varchar) is null or c.owner_agency = cast(:agency as varchar))";
        String from = " from case_file c join person p on p.id = c.person_id" + where;
        List<CaseStatistics.Cell> total = cells("select 'ALL', count(*)" + from, scope, min);
        return new CaseStatistics(scope, OffsetDateTime.now(clock), min, total.get(0),
                cells("select cat, count(*) from case_file c join person p on p.id = c.person_id"
                        + " cross join lateral jsonb_array_elements_text(c.categories) cat" + where + " group by cat order by cat", scope, min),
                cells("select c.step, count(*)" + from + " group by c.step order by c.step", scope, min),
                cells("select coalesce(c.risk_level, 'NOT_ASSESSED'), count(*)" + from + " group by 1 order by 1", scope, min),
                cells("select coalesce(p.legal_status, 'UNKNOWN'), count(*)" + from + " group by 1 order by 1", scope, min),
                cells("select " + AGE_GROUP + ", count(*)" + from + " group by 1 order by 1", scope, min),
                cells("select p.sex, count(*)" + from + " group by 1 order by 1", scope, min),
                cells("select c.owner_agency, count(*)" + from + " group by 1 order by 1", scope, min),
                cells("select coalesce(r.sharing_basis, 'UNKNOWN'), count(*) from case_referral r"
                        + " join case_file c on c.id = r.case_id" + where + " group by 1 order by 1", scope, min),
                cells("select case when k.withdrawn_at is null then 'ACTIVE_OR_EXPIRED' else 'WITHDRAWN' end, count(*)"
                        + " from consent k join case_file c on c.id = k.case_id" + where + " group by 1 order by 1", scope, min));
    }

    private List<CaseStatistics.Cell> cells(String sql, String agency, int min) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("agency", agency).getResultList();
        return rows.stream().map(r -> CaseStatistics.Cell.of(String.valueOf(r[0]), ((Number) r[1]).longValue(), min))
                .toList();
    }
}
