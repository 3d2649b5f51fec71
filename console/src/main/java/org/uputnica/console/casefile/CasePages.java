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

    public record CaseView(CaseModel.CaseFile caseFile, List<CaseModel.Consent> consents, List<CaseModel.Note> notes,
                           List<ReferralModel.Agency> agencies, Form consentForm, List<String> givers,
                           List<String> methods, List<String> data, String today) {
    }

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

    private CaseView view(UUID id, Form consentForm) {
        CaseModel.CaseFile c = cases.read(id);
        boolean owner = "OWNER".equals(c.access());
        List<CaseModel.Consent> consents = owner ? cases.consents(id) : List.of();
        List<CaseModel.Note> notes = owner ? cases.notes(id) : List.of();
        return new CaseView(c, consents, notes, owner ? referrals.agencies() : List.of(), consentForm, GIVERS,
                METHODS, DATA, LocalDate.now().toString());
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
