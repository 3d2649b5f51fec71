package org.uputnica.console.referral;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.uputnica.console.caseservice.CaseModel;
import org.uputnica.console.caseservice.CaseService;
import org.uputnica.console.casefile.NewReferralPage;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleError;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;
import org.uputnica.console.web.Problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Incoming and outgoing referrals, one referral with its timeline, and its lifecycle actions (with If-Match). */
@Path("/referrals")
public class ReferralPages {
    static final List<String> STATUSES = List.of("SENT", "ACKNOWLEDGED", "ESCALATED", "ACCEPTED", "IN_PROGRESS",
            "ON_HOLD", "DECLINED", "COMPLETED", "WITHDRAWN", "FORWARDED", "DRAFT");
    static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "ROUTINE");
    static final List<String> DECLINE_REASONS = List.of("NOT_ELIGIBLE", "NO_CAPACITY", "SERVICE_NOT_PROVIDED",
            "UNABLE_TO_CONTACT", "DUPLICATE", "OTHER");
    static final List<String> OUTCOMES = List.of("PROVIDED", "PARTLY_PROVIDED", "NOT_PROVIDED");
    /** The list's orders (the API's sort values). */
    static final List<String> SORTS = List.of("NEWEST", "OLDEST", "SENT", "URGENCY", "STATUS");
    private static final Set<String> ACTIONS = Set.of("acknowledge", "accept", "decline", "start", "hold", "resume",
            "complete", "withdraw", "forward", "escalate", "send");
    private static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Filters f, ReferralModel.Page page, List<String> statuses,
                                            List<String> urgencies, List<String> services, List<String> sorts);

        static native TemplateInstance detail(Detail d);
    }

    /** Everything the referral page shows; {@code problemKey} is a message to show above the actions. */
    public record Detail(ReferralModel.Referral referral, String etag, List<ReferralModel.HistoryEntry> history,
                         List<ReferralModel.Deadline> deadlines, CaseModel.CaseFile caseFile,
                         List<ReferralModel.Agency> agencies, List<String> declineReasons, List<String> outcomes,
                         String problemKey) {
    }

    /**
     * The list's filters as the user chose them; a value the API would refuse is dropped (null) here. Dates are
     * YYYY-MM-DD (an input of type date sends them so); overdue is "true", "false" or null.
     */
    public record Filters(String direction, String status, String urgency, String service, String sentFrom,
                          String sentTo, String overdue, String sort) {
        /** The query string that keeps these filters (for the pager), without the page. */
        public String query() {
            StringBuilder q = new StringBuilder("direction=").append(direction);
            append(q, "status", status);
            append(q, "urgency", urgency);
            append(q, "service", service);
            append(q, "sentFrom", sentFrom);
            append(q, "sentTo", sentTo);
            append(q, "overdue", overdue);
            append(q, "sort", sort);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    private final ReferralService referrals;
    private final CaseService cases;
    private final ConsoleSession session;

    public ReferralPages(@RestClient ReferralService referrals, @RestClient CaseService cases, ConsoleSession session) {
        this.referrals = referrals;
        this.cases = cases;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("direction") String direction, @QueryParam("status") String status,
                                 @QueryParam("urgency") String urgency, @QueryParam("service") String service,
                                 @QueryParam("sentFrom") String sentFrom, @QueryParam("sentTo") String sentTo,
                                 @QueryParam("overdue") String overdue, @QueryParam("sort") String sort,
                                 @QueryParam("page") String page) {
        String dir = "OUTGOING".equals(direction) ? "OUTGOING" : session.practitioner() ? "INCOMING" : "COORDINATED";
        if ("COORDINATED".equals(direction)) {
            dir = direction;
        }
        String from = day(sentFrom);
        String to = day(sentTo);
        if (from != null && to != null && from.compareTo(to) > 0) {
            String swap = from;
            from = to;
            to = swap;
        }
        Filters f = new Filters(dir, Pages.oneOf(STATUSES, status), Pages.oneOf(URGENCIES, urgency),
                Pages.oneOf(NewReferralPage.SERVICES, service), from, to, Pages.oneOf(List.of("true", "false"), overdue),
                Pages.oneOf(SORTS, sort));
        ReferralModel.Page result = referrals.list(dir, f.status(), f.urgency(), f.service(), f.sentFrom(),
                f.sentTo(), f.overdue() == null ? null : Boolean.valueOf(f.overdue()), f.sort(),
                Pages.pageNumber(page), PAGE_SIZE);
        return Pages.localised(Templates.list(f, result, STATUSES, URGENCIES, NewReferralPage.SERVICES, SORTS),
                session);
    }

    /** A YYYY-MM-DD day, or null. */
    static String day(String value) {
        try {
            return value == null || value.isBlank() ? null
                    : org.uputnica.console.web.Pages.date(value.strip()).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance detail(@PathParam("id") UUID id) {
        return Pages.localised(Templates.detail(load(id, null)), session);
    }

    @POST
    @Path("/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") UUID id, @PathParam("action") String action, @RestForm String etag,
                        @RestForm String note, @RestForm String reasonCode, @RestForm String reason,
                        @RestForm String outcome, @RestForm String toAgency) {
        if (!ACTIONS.contains(action)) {
            throw new ConsoleError(404);
        }
        Map<String, Object> body = new HashMap<>();
        put(body, "note", note);
        put(body, "reasonCode", reasonCode);
        put(body, "reason", reason);
        put(body, "outcome", outcome);
        put(body, "toAgency", toAgency);
        // resume is start from ON_HOLD in the API
        String verb = "resume".equals(action) ? "start" : action;
        try {
            referrals.act(id, verb, Pages.blankToNull(etag), body);
            return Pages.seeOther("/referrals/" + id);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 412 || status == 409 || status == 400) {
                String key = status == 412 ? "referral_changed_meanwhile" : Problem.of(e).key();
                String html = Pages.localised(Templates.detail(load(id, key)), session).render();
                return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
            }
            throw e;
        }
    }

    private static void put(Map<String, Object> body, String name, String value) {
        String v = Pages.blankToNull(value);
        if (v != null) {
            body.put(name, v);
        }
    }

    /**
     * The referral page's parts, fetched side by side: the referral, its history and deadlines at once, then the case
     * and (when the caller may forward) the agencies, which depend on the referral.
     */
    Detail load(UUID id, String problemKey) {
        CompletableFuture<RestResponse<ReferralModel.Referral>> read = referrals.readAsync(id).toCompletableFuture();
        CompletableFuture<List<ReferralModel.HistoryEntry>> history = referrals.history(id).toCompletableFuture();
        CompletableFuture<List<ReferralModel.Deadline>> deadlines = referrals.deadlines(id).toCompletableFuture();
        RestResponse<ReferralModel.Referral> response = Pages.join(read);
        ReferralModel.Referral r = response.getEntity();
        CompletableFuture<CaseModel.CaseFile> caseFile = cases.readAsync(r.caseId()).toCompletableFuture()
                // the case-service shows the case only to its owner and to agencies it is shared with
                .handle(ReferralPages::unlessNotShared);
        CompletableFuture<List<ReferralModel.Agency>> agencies = r.allows("forward")
                ? referrals.agenciesAsync().toCompletableFuture() : CompletableFuture.completedFuture(List.of());
        return new Detail(r, response.getHeaderString("ETag"), Pages.join(history), Pages.join(deadlines),
                Pages.join(caseFile), Pages.join(agencies), DECLINE_REASONS, OUTCOMES, problemKey);
    }

    /** The case, or null when the case-service does not show it to this caller (any other failure is thrown). */
    private static CaseModel.CaseFile unlessNotShared(CaseModel.CaseFile found, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        if (cause == null || cause instanceof WebApplicationException) {
            return found;
        }
        throw failure instanceof RuntimeException re ? re : new java.util.concurrent.CompletionException(failure);
    }
}
