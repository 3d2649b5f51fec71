package org.uputnica.referrals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.referrals.referral.Party;
import org.uputnica.referrals.referral.ReferralAction;
import org.uputnica.referrals.referral.ReferralStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uputnica.referrals.TestReferrals.LEGAL_BASIS;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.send;

/**
 * Every action, from every status, by every kind of caller, over HTTP with real tokens: the server must answer
 * 200 exactly where the lifecycle table allows, 403 for a caller who may not take the action, 409 from a status the
 * action cannot start from. The referrals go from csr-kikinda (ana.csr) to udruzenje-rod (marko.rod), both members of
 * the Kikinda working group (jelena.coordinator); senad.csr of Bijeljina is an outsider.
 */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class LifecycleMatrixTest {

    /** The callers and the capacity each has on a non-draft referral of this test. */
    static final Map<String, Set<Party>> CALLERS = new LinkedHashMap<>();

    static {
        CALLERS.put("senad.csr", Set.of());
        CALLERS.put("ana.csr", Set.of(Party.SENDER));
        CALLERS.put("marko.rod", Set.of(Party.RECEIVER));
        CALLERS.put("jelena.coordinator", Set.of(Party.COORDINATOR));
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EntityManager em;

    UUID caseId;

    @Test
    void everyActionFromEveryStatusByEveryCaller() {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        }
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (ReferralStatus status : ReferralStatus.values()) {
            for (ReferralAction action : ReferralAction.values()) {
                String shared = null; // one referral serves every caller whose call must change nothing
                for (Map.Entry<String, Set<Party>> caller : CALLERS.entrySet()) {
                    Set<Party> parties = status == ReferralStatus.DRAFT && !caller.getValue().contains(Party.SENDER)
                            ? Set.of() : caller.getValue();
                    int expected = parties.isEmpty() || !action.allowedFor(parties) ? 403
                            : action.allowedFrom(status) ? 200 : 409;
                    String id;
                    if (expected == 200) {
                        id = referralIn(status);
                    } else {
                        if (shared == null) {
                            shared = referralIn(status);
                        }
                        id = shared;
                    }
                    int actual = action(caller.getKey(), id, action.verb(), body(action)).extract().statusCode();
                    checked++;
                    if (actual != expected) {
                        mismatches.add(action + " from " + status + " by " + caller.getKey() + ": expected "
                                + expected + ", got " + actual);
                    } else if (expected == 200) {
                        String now = io.restassured.RestAssured.given()
                                .auth().oauth2(org.uputnica.infra.Tokens.of("ana.csr"))
                                .when().get("/api/v1/referrals/" + id).then().extract().path("status");
                        if (!action.target().name().equals(now)) {
                            mismatches.add(action + " from " + status + " by " + caller.getKey() + " left " + now);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), mismatches);
        assertEquals(ReferralStatus.values().length * ReferralAction.values().length * CALLERS.size(), checked);
    }

    /** A fresh referral brought to {@code status} by the legal path, as its parties would. */
    String referralIn(ReferralStatus status) {
        String body = """
                {"caseId": "%s", "toAgency": "udruzenje-rod", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "matrix", %s, "draft": %s}""".formatted(caseId, status == ReferralStatus.DRAFT
                ? TestReferrals.consentTo(caseId, "udruzenje-rod") : LEGAL_BASIS, status == ReferralStatus.DRAFT);
        // a draft under ROD's consent, which its sender's caseworker may send; the others on a legal basis
        // (a supervisor's), so that a forward is not checked against a consent naming ROD only
        String id = send(status == ReferralStatus.DRAFT ? "ana.csr" : "milica.supervisor", body);
        switch (status) {
            case DRAFT, SENT -> { }
            case ACKNOWLEDGED -> ok("marko.rod", id, ReferralAction.ACKNOWLEDGE);
            case ESCALATED -> ok("jelena.coordinator", id, ReferralAction.ESCALATE);
            case ACCEPTED -> ok("marko.rod", id, ReferralAction.ACCEPT);
            case IN_PROGRESS -> {
                ok("marko.rod", id, ReferralAction.ACCEPT);
                ok("marko.rod", id, ReferralAction.START);
            }
            case ON_HOLD -> {
                ok("marko.rod", id, ReferralAction.ACCEPT);
                ok("marko.rod", id, ReferralAction.HOLD);
            }
            case DECLINED -> ok("marko.rod", id, ReferralAction.DECLINE);
            case COMPLETED -> {
                ok("marko.rod", id, ReferralAction.ACCEPT);
                ok("marko.rod", id, ReferralAction.COMPLETE);
            }
            case WITHDRAWN -> ok("ana.csr", id, ReferralAction.WITHDRAW);
            case FORWARDED -> ok("marko.rod", id, ReferralAction.FORWARD);
        }
        return id;
    }

    static void ok(String user, String id, ReferralAction action) {
        action(user, id, action.verb(), body(action)).statusCode(200).body("status", equalTo(action.target().name()));
    }

    static String body(ReferralAction action) {
        return switch (action) {
            case DECLINE -> "{\"reasonCode\": \"NOT_ELIGIBLE\", \"reason\": \"outside our age range\"}";
            case HOLD -> "{\"reason\": \"family travelled to Novi Sad for a week\"}";
            case COMPLETE -> "{\"outcome\": \"PROVIDED\", \"note\": \"six sessions\"}";
            case WITHDRAW -> "{\"reason\": \"the family moved to Subotica\"}";
            case FORWARD -> "{\"toAgency\": \"iom-serbia\", \"reason\": \"needs an interpreter we do not have\"}";
            default -> null;
        };
    }
}
