package org.uputnica.console.referralservice;

import io.quarkus.oidc.token.propagation.common.AccessToken;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/** The referral-service's public API, called with the signed-in user's access token. */
@RegisterRestClient(configKey = "referrals")
@AccessToken
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ReferralService {

    @GET
    @Path("/referrals")
    ReferralModel.Page list(@QueryParam("direction") String direction, @QueryParam("status") String status,
                            @QueryParam("urgency") String urgency, @QueryParam("service") String service,
                            @QueryParam("sentFrom") String sentFrom, @QueryParam("sentTo") String sentTo,
                            @QueryParam("overdue") Boolean overdue, @QueryParam("sort") String sort,
                            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/referrals/{id}")
    RestResponse<ReferralModel.Referral> read(@PathParam("id") UUID id);

    /** The referral, started without waiting (the referral page fetches its parts side by side). */
    @GET
    @Path("/referrals/{id}")
    CompletionStage<RestResponse<ReferralModel.Referral>> readAsync(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/history")
    CompletionStage<List<ReferralModel.HistoryEntry>> history(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/deadlines")
    CompletionStage<List<ReferralModel.Deadline>> deadlines(@PathParam("id") UUID id);

    @POST
    @Path("/referrals")
    ReferralModel.Referral create(Map<String, Object> body);

    /** One lifecycle action (accept, decline, ...), with If-Match so a concurrent change gives 412. */
    @POST
    @Path("/referrals/{id}/{action}")
    ReferralModel.Referral act(@PathParam("id") UUID id, @PathParam("action") String action,
                               @HeaderParam("If-Match") String ifMatch, Map<String, Object> body);

    @GET
    @Path("/directory/services")
    ReferralModel.DirectoryPage directory(@QueryParam("municipality") String municipality,
                                          @QueryParam("category") String category,
                                          @QueryParam("hasVacancy") String hasVacancy, @QueryParam("page") int page,
                                          @QueryParam("size") int size);

    @GET
    @Path("/agencies")
    List<ReferralModel.Agency> agencies();

    @GET
    @Path("/agencies")
    CompletionStage<List<ReferralModel.Agency>> agenciesAsync();

    @GET
    @Path("/working-groups/{code}/statistics")
    ReferralModel.Statistics statistics(@PathParam("code") String group, @QueryParam("from") String from,
                                        @QueryParam("to") String to);

    @GET
    @Path("/working-groups/{code}/statistics/agencies.csv")
    @Produces("text/csv")
    Response statisticsCsv(@PathParam("code") String group, @QueryParam("from") String from,
                           @QueryParam("to") String to);

    @GET
    @Path("/working-groups/{code}/overdue")
    ReferralModel.OverduePage overdue(@PathParam("code") String group, @QueryParam("page") int page,
                                      @QueryParam("size") int size);
}
