package org.uputnica.notifications;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.events.EventType;
import org.uputnica.infra.InfrastructureResource;
import org.uputnica.infra.Tokens;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.uputnica.notifications.ReferralEvents.between;
import static org.uputnica.notifications.ReferralEvents.send;

/** Who sees which item, with the demo users' real tokens: parties, the receiver's supervisors, coordinators. */
@QuarkusTest
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "notifications"))
class RecipientRulesTest {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final String KIKINDA_GROUP = "kikinda-child-protection";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    static JsonPath inbox(String user, UUID referralId) {
        return given().auth().oauth2(Tokens.of(user)).queryParam("referralId", referralId.toString())
                .when().get("/api/v1/inbox")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> kinds(String user, UUID referralId) {
        return inbox(user, referralId).getList("items.kind");
    }

    @Test
    void anOverdueReferralReachesTheSenderTheReceiversSupervisorsAndTheCoordinatorButNotCaseworkers() {
        // ROD referred to CSR Kikinda, which has not acknowledged in time; the Kikinda working group follows it
        ReferralEvents.Data referral = between("udruzenje-rod", "csr-kikinda").urgency("EMERGENCY")
                .status("SENT", "SENT").actedBy(null).deadline("ACKNOWLEDGE").workingGroup(KIKINDA_GROUP);
        UUID id = referral.referralId;
        send(bootstrap, referral.event(EventType.REFERRAL_OVERDUE));

        await().atMost(PATIENCE).until(() -> inbox("jelena.coordinator", id).getInt("total") == 1);
        JsonPath coordinator = inbox("jelena.coordinator", id);
        assertEquals("REFERRAL_OVERDUE", coordinator.getString("items[0].kind"));
        assertEquals(KIKINDA_GROUP, coordinator.getString("items[0].recipientWorkingGroup"));
        assertNull(coordinator.get("items[0].recipientAgency"), "a working group's item belongs to no agency");
        assertEquals("ACKNOWLEDGE", coordinator.getString("items[0].deadline"));
        assertNull(coordinator.get("items[0].actorAgency"), "nobody acted: a deadline passed");

        JsonPath supervisor = inbox("milica.supervisor", id);
        assertEquals(1, supervisor.getInt("total"), "the receiver's supervisor is told");
        assertEquals("supervisor", supervisor.getString("items[0].recipientRole"));
        assertEquals("csr-kikinda", supervisor.getString("items[0].recipientAgency"));
        assertEquals(0, inbox("ana.csr", id).getInt("total"), "a caseworker of the receiver is not");

        JsonPath sender = inbox("marko.rod", id);
        assertEquals(List.of("REFERRAL_OVERDUE"), sender.getList("items.kind"), "the sender is told");
        assertNull(sender.get("items[0].recipientRole"));
        assertEquals(1, inbox("nina.admin", id).getInt("total"), "anyone of the sending agency");
        assertEquals(0, inbox("mirza.coordinator", id).getInt("total"), "another group's coordinator is not");
        assertEquals(0, inbox("ivana.iom", id).getInt("total"));

        // read by one coordinator, it is read for the group; a caseworker cannot even find it
        String groupItem = coordinator.getString("items[0].id");
        given().auth().oauth2(Tokens.of("ana.csr")).when().post("/api/v1/inbox/" + groupItem + "/read")
                .then().statusCode(404).body("type", equalTo("urn:uputnica:problem:not-found"));
        given().auth().oauth2(Tokens.of("jelena.coordinator")).when().post("/api/v1/inbox/" + groupItem + "/read")
                .then().statusCode(204);
        assertEquals(true, inbox("jelena.coordinator", id).getBoolean("items[0].read"));

        send(bootstrap, referral.event(EventType.REFERRAL_ESCALATED));
        await().atMost(PATIENCE).until(() -> inbox("ana.csr", id).getInt("total") == 1);
        assertEquals(List.of("REFERRAL_ESCALATED"), kinds("ana.csr", id), "an escalation tells the receiver");
        assertEquals(List.of("REFERRAL_ESCALATED", "REFERRAL_OVERDUE"), kinds("marko.rod", id));
        assertEquals(List.of("REFERRAL_ESCALATED", "REFERRAL_OVERDUE"), kinds("milica.supervisor", id));
        JsonPath escalated = inbox("jelena.coordinator", id);
        assertEquals(3, escalated.getInt("total"), "the group's two items and her agency's escalation");
        assertEquals(2, escalated.getList("items.recipientWorkingGroup").stream().filter(KIKINDA_GROUP::equals).count());
    }

    @Test
    void theCoordinatorsBadgeCountsHerGroupsItems() {
        long before = given().auth().oauth2(Tokens.of("jelena.coordinator")).when().get("/api/v1/inbox/count")
                .then().statusCode(200).extract().jsonPath().getLong("unread");
        ReferralEvents.Data referral = between("csr-bijeljina", "otaharin").status("SENT", "SENT").actedBy(null)
                .deadline("RESPOND").workingGroup(KIKINDA_GROUP);
        send(bootstrap, referral.event(EventType.REFERRAL_OVERDUE));
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.of("jelena.coordinator"))
                .when().get("/api/v1/inbox/count").then().extract().jsonPath().getLong("unread") == before + 1);
        given().auth().oauth2(Tokens.of("jelena.coordinator")).queryParam("kind", "REFERRAL_OVERDUE")
                .queryParam("referralId", referral.referralId.toString())
                .when().get("/api/v1/inbox").then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void everyStepOfTheLifecycleIsToldToBothPartiesNamingWhoActed() {
        ReferralEvents.Data referral = between("csr-kikinda", "udruzenje-rod");
        UUID id = referral.referralId;
        send(bootstrap,
                referral.event(EventType.REFERRAL_SENT),
                referral.status("ACCEPTED", "SENT").actedBy("udruzenje-rod").event(EventType.REFERRAL_ACCEPTED),
                referral.status("IN_PROGRESS", "ACCEPTED").event(EventType.REFERRAL_STARTED),
                referral.status("ON_HOLD", "IN_PROGRESS").reason("WAITING_FOR_DOCUMENTS").event(EventType.REFERRAL_ON_HOLD),
                referral.status("IN_PROGRESS", "ON_HOLD").reason(null).event(EventType.REFERRAL_STARTED),
                referral.status("COMPLETED", "IN_PROGRESS").outcome("PARTLY_PROVIDED").event(EventType.REFERRAL_COMPLETED));

        await().atMost(PATIENCE).until(() -> inbox("ana.csr", id).getInt("total") == 6);
        JsonPath sender = inbox("ana.csr", id);
        assertEquals(List.of("REFERRAL_COMPLETED", "REFERRAL_IN_PROGRESS", "REFERRAL_ON_HOLD", "REFERRAL_IN_PROGRESS",
                "REFERRAL_ACCEPTED", "REFERRAL_SENT"), sender.getList("items.kind"));
        assertEquals("PARTLY_PROVIDED", sender.getString("items[0].outcome"));
        assertEquals("WAITING_FOR_DOCUMENTS", sender.getString("items[2].reasonCode"));
        assertEquals("udruzenje-rod", sender.getString("items[0].actorAgency"));
        assertEquals("REFERRAL", sender.getString("items[0].referralKind"));
        JsonPath receiver = inbox("marko.rod", id);
        assertEquals(List.of("REFERRAL_COMPLETED", "REFERRAL_IN_PROGRESS", "REFERRAL_ON_HOLD", "REFERRAL_IN_PROGRESS",
                "REFERRAL_ACCEPTED", "REFERRAL_RECEIVED"), receiver.getList("items.kind"));
        assertEquals("ON_HOLD", receiver.getString("items[1].previousStatus"));
    }

    @Test
    void aWithdrawalIsToldToTheReceiverAndRecordedForTheSender() {
        ReferralEvents.Data referral = between("csr-kikinda", "iom-serbia");
        send(bootstrap, referral.event(EventType.REFERRAL_SENT),
                referral.status("WITHDRAWN", "SENT").reason("DUPLICATE").event(EventType.REFERRAL_WITHDRAWN));
        await().atMost(PATIENCE).until(() -> inbox("ivana.iom", referral.referralId).getInt("total") == 2);
        assertEquals(List.of("REFERRAL_WITHDRAWN", "REFERRAL_RECEIVED"), kinds("ivana.iom", referral.referralId));
        JsonPath sender = inbox("ana.csr", referral.referralId);
        assertEquals(List.of("REFERRAL_WITHDRAWN", "REFERRAL_SENT"), sender.getList("items.kind"));
        assertEquals("csr-kikinda", sender.getString("items[0].actorAgency"));
        assertEquals("DUPLICATE", sender.getString("items[0].reasonCode"));
    }

    @Test
    void aForwardTellsTheOriginalPartiesAndTheNewReceiverOnlyOfItsOwnReferral() {
        ReferralEvents.Data original = between("csr-kikinda", "udruzenje-rod");
        ReferralEvents.Data forwarded = between("udruzenje-rod", "iom-serbia").related(original.referralId);
        send(bootstrap, original.event(EventType.REFERRAL_SENT));
        send(bootstrap, original.status("FORWARDED", "SENT").actedBy("udruzenje-rod").related(forwarded.referralId)
                .event(EventType.REFERRAL_FORWARDED));
        send(bootstrap, forwarded.event(EventType.REFERRAL_SENT));

        await().atMost(PATIENCE).until(() -> inbox("ivana.iom", forwarded.referralId).getInt("total") == 1);
        await().atMost(PATIENCE).until(() -> inbox("ana.csr", original.referralId).getInt("total") == 2);
        JsonPath sender = inbox("ana.csr", original.referralId);
        assertEquals("REFERRAL_FORWARDED", sender.getString("items[0].kind"));
        assertEquals(forwarded.referralId.toString(), sender.getString("items[0].relatedReferralId"));
        assertEquals(List.of("REFERRAL_FORWARDED", "REFERRAL_RECEIVED"), kinds("marko.rod", original.referralId));
        assertEquals(0, inbox("ivana.iom", original.referralId).getInt("total"), "the forwarded one stays the parties'");
        JsonPath newReceiver = inbox("ivana.iom", forwarded.referralId);
        assertEquals("REFERRAL_RECEIVED", newReceiver.getString("items[0].kind"));
        assertEquals(original.referralId.toString(), newReceiver.getString("items[0].relatedReferralId"));
    }
}
