package org.uputnica.console.dashboard;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleError;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The working group's figures for a period (month, quarter, year): referrals by status, agency, service and urgency
 * as server-drawn SVG bars, times to acknowledge and to answer (median, 90th percentile), the late referrals, and the
 * per-agency CSV. For the group's coordinators.
 */
@Path("/dashboard")
public class DashboardPage {
    static final List<String> PERIODS = List.of("month", "quarter", "year");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Board board);

        static native TemplateInstance annual(Annual a);
    }

    public record Board(String group, List<String> groups, String period, List<String> periods,
                        ReferralModel.Statistics stats, List<Bar> byStatus, List<Bar> byUrgency, List<Bar> byService,
                        List<Bar> byAgency, List<ReferralModel.Overdue> overdue) {
    }

    /**
     * The annual summary of a working group, for its annual report: one A4 page or two when printed. The figures
     * of the year (to today, for the current year), and how many deadlines are late now.
     */
    public record Annual(String group, List<String> groups, int year, List<Integer> years,
                         ReferralModel.Statistics stats, List<Bar> byStatus, List<Bar> byUrgency, List<Bar> byService,
                         long lateNow, String printedOn) {
    }

    private final ReferralService referrals;
    private final ConsoleSession session;

    public DashboardPage(@RestClient ReferralService referrals, ConsoleSession session) {
        this.referrals = referrals;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("group") String group, @QueryParam("period") String period) {
        String g = group(group);
        String p = Pages.oneOf(PERIODS, period) == null ? "month" : period;
        LocalDate[] range = range(p);
        ReferralModel.Statistics s = referrals.statistics(g, range[0].toString(), range[1].toString());
        List<Bar> agencies = new ArrayList<>();
        long max = s.agencies().stream().mapToLong(ReferralModel.AgencyFigures::received).max().orElse(1);
        for (ReferralModel.AgencyFigures a : s.agencies()) {
            agencies.add(new Bar("", a.agency(), a.received(), width(a.received(), max), agencies.size() * 24L));
        }
        Board board = new Board(g, session.workingGroups(), p, PERIODS, s, bars("status_", s.byStatus()),
                bars("urgency_", s.byUrgency()), bars("service_", s.byService()), agencies,
                referrals.overdue(g, 0, 50).items());
        return Pages.localised(Templates.dashboard(board), session);
    }

    @GET
    @Path("/annual")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance annual(@QueryParam("group") String group, @QueryParam("year") String year) {
        String g = group(group);
        LocalDate today = LocalDate.now(Pages.ZONE);
        List<Integer> years = List.of(today.getYear(), today.getYear() - 1, today.getYear() - 2);
        int y = years.get(0);
        try {
            if (year != null && years.contains(Integer.parseInt(year.strip()))) {
                y = Integer.parseInt(year.strip());
            }
        } catch (NumberFormatException e) {
            // the current year
        }
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = y == today.getYear() ? today : LocalDate.of(y, 12, 31);
        ReferralModel.Statistics s = referrals.statistics(g, from.toString(), to.toString());
        Annual a = new Annual(g, session.workingGroups(), y, years, s, bars("status_", s.byStatus()),
                bars("urgency_", s.byUrgency()), bars("service_", s.byService()), referrals.overdue(g, 0, 1).total(),
                today.toString());
        return Pages.localised(Templates.annual(a), session);
    }

    @GET
    @Path("/agencies.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("group") String group, @QueryParam("period") String period) {
        String g = group(group);
        LocalDate[] range = range(Pages.oneOf(PERIODS, period) == null ? "month" : period);
        try (Response api = referrals.statisticsCsv(g, range[0].toString(), range[1].toString())) {
            String body = api.readEntity(String.class);
            return Response.ok(body, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + g + "-" + range[0] + ".csv\"").build();
        }
    }

    private String group(String requested) {
        List<String> mine = session.workingGroups();
        if (!session.coordinator() || mine.isEmpty()) {
            throw new ConsoleError(403);
        }
        return mine.contains(requested) ? requested : mine.get(0);
    }

    /** From the first day of the period that holds today, to today. */
    static LocalDate[] range(String period) {
        LocalDate today = LocalDate.now(org.uputnica.console.web.Pages.ZONE);
        LocalDate from = switch (period) {
            case "year" -> today.withDayOfYear(1);
            case "quarter" -> today.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1).withDayOfMonth(1);
            default -> today.withDayOfMonth(1);
        };
        return new LocalDate[] {from, today};
    }

    private static List<Bar> bars(String prefix, Map<String, Long> counts) {
        List<Bar> bars = new ArrayList<>();
        if (counts == null) {
            return bars;
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        counts.forEach((k, v) -> bars.add(new Bar(prefix + k, k, v, width(v, max), bars.size() * 24L)));
        return bars;
    }

    private static long width(long value, long max) {
        return max <= 0 ? 0 : Math.max(value > 0 ? 2 : 0, value * 300 / max);
    }
}
