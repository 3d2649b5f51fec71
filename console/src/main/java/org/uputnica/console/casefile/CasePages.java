package org.uputnica.console.casefile;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.uputnica.console.caseservice.CaseModel;
import org.uputnica.console.caseservice.CaseService;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;
import org.uputnica.console.web.Problem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The agency's cases: open one, and a case with its person, consents (record, withdraw) and notes. */
@Path("/cases")
public class CasePages {
    static final List<String> CATEGORIES = List.of("UNACCOMPANIED_MINOR", "SEPARATED_CHILD",
            "CHILD_IN_STREET_SITUATION", "CHILD_FOUND_BEGGING", "VICTIM_OF_TRAFFICKING");
    static final List<String> SEXES = List.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    static final List<String> GIVERS = List.of("PERSON", "PARENT", "GUARDIAN", "LEGAL_REPRESENTATIVE");
    static final List<String> METHODS = List.of("SIGNED_FORM", "VERBAL_WITH_WITNESS", "ELECTRONIC");
    public static final List<String> DATA = List.of("IDENTITY", "NATIONAL_ID", "DATE_OF_BIRTH", "CONTACT", "LANGUAGE",
            "LEGAL_STATUS", "FAMILY", "HEALTH", "RISK_ASSESSMENT", "CASE_SUMMARY");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance cases(List<CaseModel.Summary> cases, Form form, List<String> categories,
                                             List<String> sexes);

        static native TemplateInstance caseFile(CaseView view);

        static native TemplateInstance accessLog(CaseModel.CaseFile caseFile, List<CaseModel.AccessRecord> records,
                                                 int page, boolean hasNext);

        static native TemplateInstance matches(CaseModel.CaseFile caseFile, List<CaseModel.MatchSuggestion> suggestions,
                                               boolean searched, boolean supervisor, String purpose, String problemKey,
                                               boolean decided);
    }

    /** What the user typed, and the API's problem with it (field name to message), to show beside the fields. */
    public record Form(Map<String, String> values, Map<String, String> errors, String problemKey) {
        static Form empty() {
            return new Form(Map.of(), Map.of(), null);
        }

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public boolean has(String name) {
            return errors.containsKey(name);
        }

        public String error(String name) {
            return errors.getOrDefault(name, "");
        }
    }

    /**
     * Everything the case page shows; a section the API does not show this user is empty (documents, goals) and the
     * access log and match links are there only for those who may use them (supervisors of the owner agency; the
     * owner agency).
     */
    public record CaseView(CaseModel.CaseFile caseFile, List<CaseModel.Consent> consents, List<CaseModel.Note> notes,
                           List<ReferralModel.Agency> agencies, Form consentForm, List<String> givers,
                           List<String> methods, List<String> data, String today, List<CaseModel.Document> documents,
                           List<CaseModel.Goal> goals, boolean accessLog, boolean matches) {
    }

    static final int ACCESS_LOG_PAGE = 100;

    private final CaseService cases;
    private final ReferralService referrals;
    private final ConsoleSession session;

    public CasePages(@RestClient CaseService cases, @RestClient ReferralService referrals, ConsoleSession session) {
        this.cases = cases;
        this.referrals = referrals;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list() {
        return Pages.localised(Templates.cases(cases.list(), Form.empty(), CATEGORIES, SEXES), session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response open(@RestForm String givenName, @RestForm String familyName, @RestForm String dateOfBirth,
                         @RestForm String sex, @RestForm String category) {
        Map<String, Object> person = new HashMap<>();
        person.put("givenName", Pages.blankToNull(givenName));
        person.put("familyName", Pages.blankToNull(familyName));
        person.put("dateOfBirth", Pages.blankToNull(dateOfBirth));
        person.put("sex", Pages.blankToNull(sex));
        Map<String, Object> body = new HashMap<>();
        body.put("person", person);
        body.put("category", Pages.blankToNull(category));
        try {
            CaseModel.CaseFile created = cases.open(body);
            return Pages.seeOther("/cases/" + created.id());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400 && e.getResponse().getStatus() != 409) {
                throw e;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("givenName", givenName);
            values.put("familyName", familyName);
            values.put("dateOfBirth", dateOfBirth);
            values.put("sex", sex);
            values.put("category", category);
            Problem p = Problem.of(e);
            Form form = new Form(nonNull(values), p.fields(), p.key());
            return unprocessable(Templates.cases(cases.list(), form, CATEGORIES, SEXES));
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance caseFile(@PathParam("id") UUID id) {
        return Pages.localised(Templates.caseFile(view(id, Form.empty())), session);
    }

    @POST
    @Path("/{id}/consents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recordConsent(@PathParam("id") UUID id, @RestForm String givenBy, @RestForm String giverName,
                                  @RestForm String purpose, @RestForm String toAgency, @RestForm List<String> data,
                                  @RestForm String validFrom, @RestForm String validUntil, @RestForm String method) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenBy", Pages.blankToNull(givenBy));
        body.put("giverName", Pages.blankToNull(giverName));
        body.put("purpose", Pages.blankToNull(purpose));
        body.put("toAgency", Pages.blankToNull(toAgency));
        body.put("data", data == null ? List.of() : data);
        body.put("validFrom", Pages.blankToNull(validFrom) == null ? LocalDate.now().toString() : validFrom);
        body.put("validUntil", Pages.blankToNull(validUntil));
        body.put("method", Pages.blankToNull(method));
        try {
            cases.recordConsent(id, body);
            return Pages.seeOther("/cases/" + id);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400 && e.getResponse().getStatus() != 409) {
                throw e;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("givenBy", givenBy);
            values.put("giverName", giverName);
            values.put("purpose", purpose);
            values.put("toAgency", toAgency);
            values.put("validFrom", validFrom);
            values.put("validUntil", validUntil);
            values.put("method", method);
            Problem p = Problem.of(e);
            return unprocessable(Templates.caseFile(view(id, new Form(nonNull(values), p.fields(), p.key()))));
        }
    }

    @POST
    @Path("/{id}/consents/{consentId}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawConsent(@PathParam("id") UUID id, @PathParam("consentId") UUID consentId,
                                    @RestForm String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("note", Pages.blankToNull(note));
        cases.withdrawConsent(id, consentId, body);
        return Pages.seeOther("/cases/" + id);
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("id") UUID id, @RestForm String text) {
        if (Pages.blankToNull(text) != null) {
            cases.addNote(id, Map.of("text", text.strip()));
        }
        return Pages.seeOther("/cases/" + id);
    }

    @GET
    @Path("/{id}/documents/{documentId}")
    public Response document(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        try (Response api = cases.document(id, documentId)) {
            byte[] bytes = api.readEntity(byte[].class);
            String type = api.getHeaderString("Content-Type");
            String disposition = api.getHeaderString("Content-Disposition");
            // always a download, never shown as a page of the console's origin
            return Response.ok(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
                    .header("Content-Disposition", disposition != null && disposition.startsWith("attachment")
                            ? disposition : "attachment")
                    .build();
        }
    }

    @GET
    @Path("/{id}/access-log")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance accessLog(@PathParam("id") UUID id, @jakarta.ws.rs.QueryParam("page") String page) {
        CaseModel.CaseFile c = cases.read(id);
        int p = Pages.pageNumber(page);
        // a full page: there may be a next one
        List<CaseModel.AccessRecord> records = cases.accessLog(id, p, ACCESS_LOG_PAGE);
        return Pages.localised(Templates.accessLog(c, records, p, records.size() == ACCESS_LOG_PAGE), session);
    }

    @GET
    @Path("/{id}/matches")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance matches(@PathParam("id") UUID id, @jakarta.ws.rs.QueryParam("decided") String decided) {
        CaseModel.CaseFile c = cases.read(id);
        return Pages.localised(Templates.matches(c, List.of(), false, session.hasRole("supervisor"), "", null,
                decided != null), session);
    }

    /**
     * Looks for possible matches. A POST, although it changes nothing: the purpose is free text and stays out of
     * URLs, and the look-up is audited and rate-limited by the case-service.
     */
    @POST
    @Path("/{id}/matches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response findMatches(@PathParam("id") UUID id, @RestForm String purpose) {
        CaseModel.CaseFile c = cases.read(id);
        String why = session.hasRole("supervisor") ? Pages.blankToNull(purpose) : null;
        try {
            List<CaseModel.MatchSuggestion> found = cases.matchSuggestions(id, why);
            return Response.ok(Pages.localised(Templates.matches(c, found, true, session.hasRole("supervisor"),
                    why == null ? "" : why, null, false), session).render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 400 && status != 429) {
                throw e;
            }
            String key = status == 429 ? "problem_rate_limited" : Problem.of(e).key();
            return unprocessable(Templates.matches(c, List.of(), false, session.hasRole("supervisor"),
                    why == null ? "" : why, key, false));
        }
    }

    @POST
    @Path("/{id}/matches/{suggestionId}/{decision}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decideMatch(@PathParam("id") UUID id, @PathParam("suggestionId") UUID suggestionId,
                                @PathParam("decision") String decision, @RestForm String note) {
        if (!"confirmation".equals(decision) && !"rejection".equals(decision)) {
            throw new org.uputnica.console.web.ConsoleError(404);
        }
        Map<String, Object> body = new HashMap<>();
        if (Pages.blankToNull(note) != null) {
            body.put("note", note.strip());
        }
        cases.decideMatch(id, suggestionId, decision, body);
        return Pages.seeOther("/cases/" + id + "/matches?decided=1");
    }

    private CaseView view(UUID id, Form consentForm) {
        CaseModel.CaseFile c = cases.read(id);
        boolean owner = "OWNER".equals(c.access());
        List<CaseModel.Consent> consents = owner ? cases.consents(id) : List.of();
        List<CaseModel.Note> notes = owner ? cases.notes(id) : List.of();
        List<CaseModel.Document> documents = orEmpty(() -> cases.documents(id));
        List<CaseModel.Goal> goals = orEmpty(() -> cases.plan(id).goals());
        return new CaseView(c, consents, notes, owner ? referrals.agencies() : List.of(), consentForm, GIVERS,
                METHODS, DATA, LocalDate.now().toString(), documents, goals,
                owner && session.hasRole("supervisor"), owner);
    }

    /** What the API shows this user, or nothing when it does not show it (403, 404). */
    private static <T> List<T> orEmpty(java.util.function.Supplier<List<T>> read) {
        try {
            List<T> list = read.get();
            return list == null ? List.of() : list;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403 || status == 404) {
                return List.of();
            }
            throw e;
        }
    }

    private Response unprocessable(TemplateInstance page) {
        return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.localised(page, session).render()).build();
    }

    private static Map<String, String> nonNull(Map<String, String> values) {
        values.replaceAll((k, v) -> v == null ? "" : v);
        return values;
    }
}
