package org.uputnica.console.directory;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.uputnica.console.referralservice.ReferralModel;
import org.uputnica.console.referralservice.ReferralService;
import org.uputnica.console.web.ConsoleSession;
import org.uputnica.console.web.Pages;

import java.util.List;

/** The services directory: search by municipality, category and free places. */
@Path("/directory")
public class DirectoryPage {
    static final List<String> CATEGORIES = List.of("PSYCHOSOCIAL_SUPPORT", "SHELTER", "LEGAL_AID", "HEALTH_CARE",
            "EDUCATION", "GUARDIANSHIP", "INTERPRETATION", "FAMILY_TRACING", "MATERIAL_ASSISTANCE", "CASE_MANAGEMENT");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(ReferralModel.DirectoryPage result, String municipality,
                                                 String category, boolean vacancies, List<String> categories);
    }

    private final ReferralService referrals;
    private final ConsoleSession session;

    public DirectoryPage(@RestClient ReferralService referrals, ConsoleSession session) {
        this.referrals = referrals;
        this.session = session;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("municipality") String municipality,
                                @QueryParam("category") String category, @QueryParam("vacancies") String vacancies,
                                @QueryParam("page") String page) {
        String cat = Pages.oneOf(CATEGORIES, category);
        String mun = Pages.blankToNull(municipality);
        boolean free = "true".equals(vacancies);
        ReferralModel.DirectoryPage result = referrals.directory(mun, cat, free ? "true" : null,
                Pages.pageNumber(page), 50);
        return Pages.localised(Templates.directory(result, mun == null ? "" : mun, cat == null ? "" : cat, free,
                CATEGORIES), session);
    }
}
