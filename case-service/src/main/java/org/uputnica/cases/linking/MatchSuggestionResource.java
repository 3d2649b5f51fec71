package org.uputnica.cases.linking;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;
import org.uputnica.platform.ratelimit.RateLimited;

import java.util.List;
import java.util.UUID;

@Path("/api/v1/cases/{caseId}/match-suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Record linking")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class MatchSuggestionResource {
    static final String SUGGESTIONS_EXAMPLE = """
            [{"id": "6f1c2a9e-3b7d-4e21-9a55-0c8d1e2f3a4b", "status": "SUGGESTED", "score": 0.91,
              "reasons": [{"code": "NAME_SIMILAR", "similarity": 0.94}, {"code": "BIRTH_YEAR_WITHIN", "years": 1},
                          {"code": "SAME_SEX"}],
              "otherAgency": "csr-bijeljina", "suggestedAt": "2026-11-23T10:15:00Z"},
             {"id": "0b9e7d55-81a2-4c3f-b6de-2f4a6c8e1d03", "status": "SUGGESTED", "score": 0.95,
              "reasons": [{"code": "SAME_IDENTIFIER", "identifierType": "REGISTRATION_NUMBER"}, {"code": "SAME_SEX"}],
              "otherAgency": "kirs", "suggestedAt": "2026-11-23T10:15:00Z"}]""";
    static final String NOTE_EXAMPLE = """
            {"note": "Same father's name and route via Šid; confirmed with the child through the interpreter"}""";

    @Inject
    RecordLinking linking;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Other agencies' records that may be the same person", description = """
            Compares the case's person with the persons of other agencies' cases: names across scripts and spellings,
            birth year (exact, or estimated from an age) within a tolerance, sex, and identical identifiers. Returns the
            pending suggestions that score at least `uputnica.linking.min-score`, strongest first. Each says which agency
            holds the other record, how strong the match is and why; nothing of the other record itself. A suggestion
            has one id for both agencies; a confirmed or rejected pair is not suggested again. Only the cases of
            agencies with an active referral (sent, acknowledged, escalated, accepted, in progress or on hold) about
            this case or theirs, between the two agencies, are compared; a supervisor may compare with every agency's
            cases by giving a `purpose` (at most 150 characters). The read is recorded in the access audit of this
            case, and of each other case shown (basis RECORD_LINKING), with the purpose. Limited per caller
            (uputnica.rate-limit.match-suggestions, 60 an hour).""")
    @APIResponse(responseCode = "200", description = "The pending suggestions, strongest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = MatchSuggestionView.class),
                    examples = @ExampleObject(name = "two agencies", value = SUGGESTIONS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A purpose longer than 150 characters (validation)")
    @APIResponse(responseCode = "403", description = "Your agency sees the case but does not own it (not-case-owner), "
            + "or a purpose given by someone who is not a supervisor (supervisor-required)")
    @APIResponse(responseCode = "404", description = "No such case that you may see")
    @APIResponse(responseCode = "429", description = "Too many requests of this kind by you (rate-limited); see Retry-After")
    @RateLimited("match-suggestions")
    public List<MatchSuggestionView> suggestions(@PathParam("caseId") UUID caseId,
                                                 @QueryParam("purpose") String purpose) {
        return linking.suggestions(caller.get(), caseId, purpose);
    }

    @POST
    @Path("/{suggestionId}/confirmation")
    @Operation(summary = "Confirm that the other agency's record is the same person", description = """
            Links the two records without merging them: neither agency gains access to the other's case, each sees the
            link on its own case (GET .../links). Announced as org.uputnica.case.records-linked.v1. Either agency may
            decide a suggestion, once.""")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "confirmed", value = NOTE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Confirmed; linkId names the link",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MatchSuggestionView.class),
                    examples = @ExampleObject(name = "confirmed", value = """
                    {"id": "6f1c2a9e-3b7d-4e21-9a55-0c8d1e2f3a4b", "status": "CONFIRMED", "score": 0.91,
                     "reasons": [{"code": "NAME_SIMILAR", "similarity": 0.94}, {"code": "BIRTH_YEAR_WITHIN", "years": 1},
                                 {"code": "SAME_SEX"}],
                     "otherAgency": "csr-bijeljina", "suggestedAt": "2026-11-23T10:15:00Z",
                     "decidedAt": "2026-11-23T10:20:00Z", "decidedByAgency": "csr-kikinda",
                     "linkId": "c3d1f0a2-5e6b-4c7d-8e9f-a0b1c2d3e4f5"}""")))
    @APIResponse(responseCode = "404", description = "No such suggestion for this case, or no such case that you may see")
    @APIResponse(responseCode = "409", description = "Already confirmed or rejected (match-already-decided)")
    public MatchSuggestionView confirm(@PathParam("caseId") UUID caseId, @PathParam("suggestionId") UUID suggestionId,
                                       @Valid Decision body) {
        return linking.confirm(caller.get(), caseId, suggestionId, body);
    }

    @POST
    @Path("/{suggestionId}/rejection")
    @Operation(summary = "Say that the other agency's record is a different person",
            description = "The pair is not suggested again, to either agency. Either agency may decide a suggestion, once.")
    @RequestBody(required = false, content = @Content(examples = @ExampleObject(name = "rejected", value = """
            {"note": "Different father's name; the other boy arrived a year earlier"}""")))
    @APIResponse(responseCode = "200", description = "Rejected")
    @APIResponse(responseCode = "404", description = "No such suggestion for this case, or no such case that you may see")
    @APIResponse(responseCode = "409", description = "Already confirmed or rejected (match-already-decided)")
    public MatchSuggestionView reject(@PathParam("caseId") UUID caseId, @PathParam("suggestionId") UUID suggestionId,
                                      @Valid Decision body) {
        return linking.reject(caller.get(), caseId, suggestionId, body);
    }
}
