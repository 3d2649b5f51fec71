package org.uputnica.referrals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventJson;
import org.uputnica.events.EventType;
import org.uputnica.events.Topic;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uputnica.referrals.TestReferrals.LEGAL_BASIS;
import static org.uputnica.referrals.TestReferrals.PROBLEM;
import static org.uputnica.referrals.TestReferrals.action;
import static org.uputnica.referrals.TestReferrals.referral;
import static org.uputnica.referrals.TestReferrals.send;

@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class ClosedLoopTest extends WithKafka {
    String group(UUID caseId, String... agencies) {
        String list = String.join("\", \"", agencies);
        // one consent names one agency: a request to several goes on a legal basis, sent by a supervisor
        return given().auth().oauth2(Tokens.of("milica.supervisor")).contentType(ContentType.JSON).body("""
                        {"caseId": "%s", "toAgencies": ["%s"], "service": "SHELTER", "urgency": "EMERGENCY",
                         "reason": "Boy found alone at the bus station tonight", %s}""".formatted(caseId, list,
                        LEGAL_BASIS))
                .when().post("/api/v1/referral-groups")
                .then().statusCode(201).body("status", equalTo("OPEN"))
                .extract().path("id");
    }

    Map<String, String> candidates(String groupId) {
        List<Map<String, String>> referrals = given().auth().oauth2(Tokens.of("ana.csr"))
                .when().get("/api/v1/referral-groups/" + groupId).then().statusCode(200).extract().path("referrals");
        return referrals.stream().collect(java.util.stream.Collectors.toMap(r -> r.get("toAgency"), r -> r.get("id")));
    }

    @Test
    void theFirstCandidateToAcceptWinsEvenWhenTwoAcceptAtOnceAndTheOthersAreWithdrawn() throws Exception {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String groupId = group(caseId, "udruzenje-rod", "iom-serbia", "kirs");
        Map<String, String> ids = candidates(groupId);
        assertEquals(3, ids.size());

        action("dragan.kirs", ids.get("kirs"), "decline", "{\"reasonCode\": \"NO_CAPACITY\", \"reason\": \"full\"}")
                .statusCode(200);

        // marko and ivana accept at the same moment
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        String markoToken = Tokens.of("marko.rod");
        String ivanaToken = Tokens.of("ivana.iom");
        CompletableFuture<Integer> marko = CompletableFuture.supplyAsync(() -> accept(start, markoToken, ids.get("udruzenje-rod")), pool);
        CompletableFuture<Integer> ivana = CompletableFuture.supplyAsync(() -> accept(start, ivanaToken, ids.get("iom-serbia")), pool);
        start.countDown();
        List<Integer> answers = List.of(marko.get(), ivana.get());
        pool.shutdown();
        assertEquals(1, answers.stream().filter(s -> s == 200).count(), "exactly one accept wins: " + answers);
        assertEquals(1, answers.stream().filter(s -> s == 409).count(), "the other is refused: " + answers);

        String winner = marko.get() == 200 ? "udruzenje-rod" : "iom-serbia";
        String loser = winner.equals("udruzenje-rod") ? "iom-serbia" : "udruzenje-rod";
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referral-groups/" + groupId)
                .then().statusCode(200)
                .body("status", equalTo("FILLED"))
                .body("acceptedReferralId", equalTo(ids.get(winner)));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + ids.get(loser))
                .then().body("status", equalTo("WITHDRAWN")).body("withdrawReason", equalTo("accepted by " + winner));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + ids.get("kirs"))
                .then().body("status", equalTo("DECLINED"));
        // a candidate sees only its own referral of the request
        given().auth().oauth2(Tokens.of("dragan.kirs")).when().get("/api/v1/referral-groups/" + groupId)
                .then().statusCode(200).body("referrals.toAgency", contains("kirs"));
    }

    private static int accept(CountDownLatch start, String token, String id) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return given().auth().oauth2(token).when().post("/api/v1/referrals/" + id + "/accept")
                .then().extract().statusCode();
    }

    @Test
    void aRequestEveryCandidateDeclinedIsExhausted() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String groupId = group(caseId, "udruzenje-rod", "kirs");
        Map<String, String> ids = candidates(groupId);
        action("marko.rod", ids.get("udruzenje-rod"), "decline", "{\"reason\": \"no\"}").statusCode(200);
        action("dragan.kirs", ids.get("kirs"), "decline", "{\"reason\": \"no\"}").statusCode(200);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referral-groups/" + groupId)
                .then().body("status", equalTo("EXHAUSTED"));
    }

    @Test
    void aRequestWhoseCandidatesWereWithdrawnOrForwardedIsExhaustedToo() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String groupId = group(caseId, "udruzenje-rod", "kirs");
        Map<String, String> ids = candidates(groupId);
        action("ana.csr", ids.get("udruzenje-rod"), "withdraw", "{\"reason\": \"found a place elsewhere\"}")
                .statusCode(200);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referral-groups/" + groupId)
                .then().body("status", equalTo("OPEN"));
        action("dragan.kirs", ids.get("kirs"), "forward", "{\"toAgency\": \"iom-serbia\", \"reason\": \"IOM runs it\"}")
                .statusCode(200);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referral-groups/" + groupId)
                .then().body("status", equalTo("EXHAUSTED"));
    }

    @Test
    void aForwardKeepsTheChainAndTheLoopClosesWithTheOriginalSender() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        // on a legal basis: a consent record names one receiver, so a forward under it needs one naming the next too
        String first = send("milica.supervisor", referral(caseId, "udruzenje-rod")
                .replace(TestReferrals.consentTo(caseId, "udruzenje-rod"), LEGAL_BASIS));
        String second = action("marko.rod", first, "forward",
                "{\"toAgency\": \"iom-serbia\", \"reason\": \"needs an Arabic interpreter\"}")
                .statusCode(200).body("status", equalTo("FORWARDED")).extract().path("forwardedTo");

        given().auth().oauth2(Tokens.of("ivana.iom")).when().get("/api/v1/referrals/" + second)
                .then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("fromAgency", equalTo("csr-kikinda"))
                .body("forwardedFrom", equalTo(first))
                .body("sharing.basis", equalTo("LEGAL_BASIS"));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + second).then().statusCode(200);
        given().auth().oauth2(Tokens.of("marko.rod")).when().get("/api/v1/referrals/" + second).then().statusCode(403);
        given().auth().oauth2(Tokens.of("ivana.iom")).when().get("/api/v1/referrals/" + first).then().statusCode(403);
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals/" + second + "/history")
                .then().body("note", hasItem("forwarded by udruzenje-rod"));

        action("marko.rod", first, "forward", "{\"toAgency\": \"kirs\", \"reason\": \"again\"}").statusCode(409);
        action("ivana.iom", second, "forward", "{\"toAgency\": \"csr-kikinda\", \"reason\": \"back\"}")
                .statusCode(400).contentType(PROBLEM);
        action("ivana.iom", second, "accept", null).statusCode(200);
    }

    @Test
    void theCoordinatorFollowsHerWorkingGroupOnly() {
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String id = send("ana.csr", referral(caseId, "udruzenje-rod"));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(200).body("workingGroup", equalTo("kikinda-child-protection"));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/referrals?direction=COORDINATED")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get("/api/v1/referrals/" + id)
                .then().statusCode(403);
        given().auth().oauth2(Tokens.of("mirza.coordinator")).when().get("/api/v1/referrals?direction=COORDINATED")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("ana.csr")).when().get("/api/v1/referrals?direction=COORDINATED")
                .then().statusCode(403).contentType(PROBLEM);
        // a coordinator who belongs to an agency does not list that agency's referrals as if she worked its cases
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/referrals?direction=OUTGOING")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/working-groups/kikinda-child-protection")
                .then().statusCode(200).body("youCoordinate", equalTo(true)).body("members", hasItem("udruzenje-rod"));
    }

    @Test
    void anAcceptedTransferAnnouncesItselfAsATransferAndTheOwnerCheckFollowsTheCaseService() {
        ConsumerTask<String, String> events = kafka.consumeStrings().fromTopics(Topic.REFERRAL_EVENTS.topicName());
        UUID caseId = TestReferrals.caseOwnedBy(kafka, em, "csr-kikinda");
        String id = given().auth().oauth2(Tokens.of("milica.supervisor")).contentType(ContentType.JSON)
                .body(TransferTest.transfer(caseId, "iom-serbia", TransferTest.wholeFile(caseId, "iom-serbia")))
                .when().post("/api/v1/referrals")
                .then().statusCode(201).body("kind", equalTo("TRANSFER")).extract().path("id");
        action("ivana.iom", id, "accept", null).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                .filter(r -> id.equals(r.key()))
                .map(r -> EventJson.read(r.value()))
                .anyMatch(e -> e.type().equals(EventType.REFERRAL_ACCEPTED.value())
                        && "TRANSFER".equals(e.data().get("kind").asText())));
        events.stop();
    }
}
