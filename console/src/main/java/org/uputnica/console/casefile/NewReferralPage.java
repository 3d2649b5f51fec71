package org.uputnica.console.casefile;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.uputnica.console.caseservice.CaseModel;
import org.uputnica.console.caseservice.CaseService;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleError;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;
import org.uputnica.console.web.Problem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A referral from a case: the consent it rests on, a service chosen from the directory (searched by municipality and
 * category, with vacancies), urgency and reason. The API's problems show beside the fields.
 */
@Path("/referrals/new")
public class NewReferralPage {
    public static final List<String> SERVICES = List.of("PSYCHOSOCIAL_SUPPORT", "SHELTER", "LEGAL_AID", "HEALTH_CARE",
            "EDUCATION", "GUARDIANSHIP", "INTERPRETATION", "FAMILY_TRACING", "MATERIAL_ASSISTANCE", "CASE_MANAGEMENT");
    static final List<String> URGENCIES = List.of("EMERGENCY", "URGENT", "ROUTINE");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance newReferral(Flow flow);
    }

    public record Flow(CaseModel.CaseFile caseFile, List<CaseModel.Consent> consents,
                       List<ReferralModel.DirectoryService> services, List<ReferralModel.Agency> agencies,
                       String municipality, String category, CasePages.Form form, List<String> serviceTypes,
                       List<String> urgencies, List<String> data) {
    }

    private final CaseService cases;
    private final ReferralService referrals;
    private final ConsoleSession session;

    public NewReferralPage(@RestClient CaseService cases, @RestClient ReferralService referrals,
                           ConsoleSession session) {
        this.cases = cases;
        this.referrals = referrals;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("caseId") UUID caseId, @QueryParam("municipality") String municipality,
                                @QueryParam("category") String category) {
        return Pages.localised(Templates.newReferral(flow(caseId, municipality, category, CasePages.Form.empty())),
                session);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response send(@RestForm UUID caseId, @RestForm String target, @RestForm String toAgency,
                         @RestForm String service, @RestForm String urgency, @RestForm String reason,
                         @RestForm String consentId, @RestForm List<String> data) {
        if (caseId == null) {
            throw new ConsoleError(404);
        }
        // a directory choice is "agency|CATEGORY"; without one, the agency and service chosen by hand
        String agency = Pages.blankToNull(toAgency);
        String category = Pages.blankToNull(service);
        if (Pages.blankToNull(target) != null && target.contains("|")) {
            agency = target.substring(0, target.indexOf('|'));
            category = target.substring(target.indexOf('|') + 1);
        }
        Map<String, Object> sharing = new HashMap<>();
        sharing.put("basis", "CONSENT");
        sharing.put("consentId", Pages.blankToNull(consentId));
        sharing.put("data", data == null ? List.of() : data);
        Map<String, Object> body = new HashMap<>();
        body.put("caseId", caseId);
        body.put("toAgency", agency);
        body.put("service", category);
        body.put("urgency", Pages.blankToNull(urgency));
        body.put("reason", Pages.blankToNull(reason));
        body.put("sharing", sharing);
        try {
            ReferralModel.Referral created = referrals.create(body);
            return Pages.seeOther("/referrals/" + created.id());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status != 400 && status != 409 && status != 403) {
                throw e;
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("toAgency", agency == null ? "" : agency);
            values.put("service", category == null ? "" : category);
            values.put("urgency", urgency == null ? "" : urgency);
            values.put("reason", reason == null ? "" : reason);
            values.put("consentId", consentId == null ? "" : consentId);
            Problem p = Problem.of(e);
            String html = Pages.localised(Templates.newReferral(flow(caseId, null, null,
                    new CasePages.Form(values, p.fields(), p.key()))), session).render();
            return Response.status(422).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
    }

    private Flow flow(UUID caseId, String municipality, String category, CasePages.Form form) {
        if (caseId == null) {
            throw new ConsoleError(404);
        }
        CaseModel.CaseFile c = cases.read(caseId);
        List<CaseModel.Consent> consents = cases.consents(caseId).stream()
                .filter(k -> k.validToday() && k.withdrawnAt() == null).toList();
        String cat = Pages.oneOf(SERVICES, category);
        String mun = Pages.blankToNull(municipality);
        List<ReferralModel.DirectoryService> services = referrals.directory(mun, cat, null, 0, 30).items();
        return new Flow(c, consents, services, referrals.agencies(), mun == null ? "" : mun, cat == null ? "" : cat,
                form, SERVICES, URGENCIES, CasePages.DATA);
    }
}
