package org.uputnica.referrals.fhir;

import jakarta.ws.rs.core.Response;
import org.uputnica.platform.idempotency.IdempotentRequest;
import java.util.function.Function;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.uputnica.identity.Caller;
import org.uputnica.platform.http.IfMatch;
import org.uputnica.platform.problem.Problem;
import org.uputnica.platform.problem.ProblemException;
import org.uputnica.platform.problem.ProblemType;
import org.uputnica.referrals.audit.ReferralAccess;
import org.uputnica.referrals.referral.ActOnReferral;
import org.uputnica.referrals.referral.ReferralInput;
import org.uputnica.referrals.referral.ReferralQueries;
import org.uputnica.referrals.referral.ReferralView;
import org.uputnica.referrals.referral.SendReferral;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The facade's interactions, each a call into the referral pipeline: a transaction Bundle is {@link SendReferral},
 * a Task update is {@link ActOnReferral}, reads are {@link ReferralQueries}. The pipeline keeps its transactions,
 * checks and events; this class only translates.
 */
@ApplicationScoped
class FhirReferrals {
    private final SendReferral sending;
    private final ActOnReferral actions;
    private final ReferralQueries queries;
    private final TaskSearch search;
    private final ReferralAccess access;
    private final Validator validator;

    FhirReferrals(SendReferral sending, ActOnReferral actions, ReferralQueries queries, TaskSearch search,
                  ReferralAccess access, Validator validator) {
        this.sending = sending;
        this.actions = actions;
        this.queries = queries;
        this.search = search;
        this.access = access;
        this.validator = validator;
    }

    /**
     * Sends the referral a transaction Bundle describes; with an Idempotency-Key ({@code key}, null without one) a
     * retry gets the first answer, as {@code POST /api/v1/referrals} does. {@code answer} renders the
     * transaction-response Bundle.
     */
    Response create(Caller caller, Bundle transaction, IdempotentRequest key, Function<Bundle, Response> answer) {
        ReferralBundle request = ReferralBundle.read(transaction);
        Task task = (Task) request.taskEntry().getResource();
        String requester = ReferralBundle.agency(task.getRequester(), "Task.requester");
        if (requester != null && !requester.equals(caller.agency())) {
            throw FhirProblems.unprocessable("Task.requester", "must be your agency, " + caller.agency());
        }
        requireValid(request.input());
        return sending.create(caller, request.input(), key,
                created -> answer.apply(transactionResponse(transaction, request, created)));
    }

    private static Bundle transactionResponse(Bundle transaction, ReferralBundle request, ReferralView created) {
        Bundle answer = new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
        for (Bundle.BundleEntryComponent entry : transaction.getEntry()) {
            Bundle.BundleEntryResponseComponent response = answer.addEntry().getResponse();
            if (entry == request.taskEntry() || entry == request.requestEntry()) {
                Resource resource = entry == request.taskEntry() ? ReferralResources.task(created)
                        : ReferralResources.serviceRequest(created);
                answer.getEntry().get(answer.getEntry().size() - 1).setResource(resource);
                response.setStatus("201 Created")
                        .setLocation(resource.fhirType() + "/" + created.id() + "/_history/" + created.version())
                        .setEtag("W/\"" + created.version() + "\"")
                        .setLastModified(ReferralResources.date(created.updatedAt()));
            } else {
                response.setStatus("200 OK"); // the Patient only names the case: nothing is stored of it
            }
        }
        return answer;
    }

    ReferralView view(Caller caller, UUID id) {
        return ReferralView.of(queries.find(caller, id), caller);
    }

    /** The change the Task asks for, at the version If-Match (or else meta.versionId) names. */
    ReferralView act(Caller caller, UUID id, Task wanted, String ifMatch) {
        if (wanted.hasIdElement() && wanted.getIdElement().hasIdPart()
                && !wanted.getIdElement().getIdPart().equals(id.toString())) {
            throw FhirProblems.malformed("Task.id " + wanted.getIdElement().getIdPart() + " is not the id in the URL");
        }
        Long version = IfMatch.version(ifMatch);
        if (version == null && wanted.getMeta().hasVersionId()) {
            version = IfMatch.version(wanted.getMeta().getVersionId());
        }
        ReferralView current = view(caller, id);
        TaskChange change = TaskChange.of(current, wanted);
        if (change.action() == null) {
            if (version != null && version != current.version()) {
                throw new ProblemException(412, ProblemType.STALE_VERSION, "Precondition failed",
                        "the Task changed since version " + version + "; it is at version " + current.version());
            }
            return current;
        }
        return actions.act(caller, id, change.action(), version, change.details());
    }

    Bundle search(Caller caller, TaskSearch.Criteria criteria, int offset, int count, String base, URI self) {
        TaskSearch.Result result = search.search(caller, criteria, offset, count);
        access.record(caller, ReferralAccess.Action.LIST, result.items().stream().map(ReferralView::id).toList());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal((int) result.total());
        bundle.addLink().setRelation("self").setUrl(self.toString());
        if (offset + count < result.total()) {
            bundle.addLink().setRelation("next").setUrl(withOffset(self, offset + count));
        }
        for (ReferralView v : result.items()) {
            bundle.addEntry().setFullUrl(base + "/Task/" + v.id()).setResource(ReferralResources.task(v))
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    /** The same search with another _offset. */
    private static String withOffset(URI self, int offset) {
        String query = self.getRawQuery() == null ? "" : self.getRawQuery();
        String kept = String.join("&", java.util.Arrays.stream(query.split("&"))
                .filter(p -> !p.isEmpty() && !p.startsWith("_offset=")).toList());
        String base = self.toString();
        int q = base.indexOf('?');
        return (q < 0 ? base : base.substring(0, q)) + "?" + (kept.isEmpty() ? "" : kept + "&") + "_offset=" + offset;
    }

    /** The REST API's own constraints on the input, named by the FHIR elements they come from (422). */
    private void requireValid(ReferralInput.NewReferral input) {
        Set<ConstraintViolation<ReferralInput.NewReferral>> violations = validator.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = violations.stream()
                .map(v -> new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field)).toList();
        throw new ProblemException(422, FhirProblems.UNPROCESSABLE, "Unprocessable FHIR resource",
                errors.get(0).field() + ": " + errors.get(0).message(), errors);
    }
}
