package org.uputnica.cases.plan;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.uputnica.identity.CurrentCaller;
import org.uputnica.identity.Roles;

import java.util.UUID;

@Path("/api/v1/cases/{caseId}/plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
@Tag(name = "Case plan")
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({Roles.CASEWORKER, Roles.SUPERVISOR})
public class PlanResource {

    @Inject
    Plans plans;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The case plan: goals and their tasks")
    public PlanView read(@PathParam("caseId") UUID caseId) {
        return plans.read(caller.get(), caseId);
    }

    @POST
    @Path("/goals")
    @Operation(summary = "Add a goal")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "goal", value = """
            {"title": "Safe accommodation with a guardian"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response addGoal(@PathParam("caseId") UUID caseId, @NotNull @Valid PlanInputs.NewGoal body) {
        return Response.status(Response.Status.CREATED).entity(plans.addGoal(caller.get(), caseId, body)).build();
    }

    @PATCH
    @Path("/goals/{goalId}")
    @Operation(summary = "Rename a goal or set its status (OPEN, ACHIEVED, DROPPED)")
    public PlanView changeGoal(@PathParam("caseId") UUID caseId, @PathParam("goalId") UUID goalId,
                               @NotNull @Valid PlanInputs.GoalChange body) {
        return plans.changeGoal(caller.get(), caseId, goalId, body);
    }

    @POST
    @Path("/goals/{goalId}/tasks")
    @Operation(summary = "Add a task to a goal", description = "The responsible agency is yours unless named.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "task", value = """
            {"title": "Place in the asylum centre's child-friendly space", "responsibleAgency": "kirs",
             "dueOn": "2026-11-30"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = PlanView.class)))
    public Response addTask(@PathParam("caseId") UUID caseId, @PathParam("goalId") UUID goalId,
                            @NotNull @Valid PlanInputs.NewTask body) {
        return Response.status(Response.Status.CREATED).entity(plans.addTask(caller.get(), caseId, goalId, body)).build();
    }

    @PATCH
    @Path("/tasks/{taskId}")
    @Operation(summary = "Change a task or set its status (OPEN, DONE, CANCELLED)")
    public PlanView changeTask(@PathParam("caseId") UUID caseId, @PathParam("taskId") UUID taskId,
                               @NotNull @Valid PlanInputs.TaskChange body) {
        return plans.changeTask(caller.get(), caseId, taskId, body);
    }
}
