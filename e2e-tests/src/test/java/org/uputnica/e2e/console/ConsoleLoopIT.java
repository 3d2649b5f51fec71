package org.uputnica.e2e.console;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.uputnica.e2e.TheSystem;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The referral loop in a real Chromium, through the real Keycloak login page: CSR Kikinda opens a case, records
 * the consent and refers it to Udruženje ROD; ROD accepts; the sender sees ACCEPTED and an inbox item; the
 * coordinator sees it counted and downloads the CSV; the PDF form holds the reference; sr-Cyrl shows Cyrillic; a
 * third agency gets the localised 404. A screenshot of each page goes to target/screenshots.
 */
class ConsoleLoopIT {
    private static String console;
    private static final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void theSystem() throws Exception {
        console = TheSystem.get().consoleUrl();
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser b : browsers) {
            b.screenshot("last-" + b.user); // where each browser stood when the test ended, for a failure
            b.close();
        }
    }

    private static final List<String> accessibility = new ArrayList<>();

    /** Keeps a screenshot of the page and checks it with axe-core (when npm can fetch it). */
    private static void page(Browser b, String name) throws java.io.IOException {
        b.screenshot(name);
        if (Axe.available()) {
            Axe.seriousViolations(b).forEach(v -> accessibility.add(name + ": " + v));
        }
    }

    private static Browser signIn(String user, String path) {
        Browser b = Browser.signIn(user, console, path);
        browsers.add(b);
        return b;
    }

    @Test
    void theWholeLoopInTheBrowser() throws Exception {
        // 1. CSR Kikinda: a case, the guardian's consent, a referral to Udruženje ROD
        Browser ana = signIn("ana.csr", "/cases");
        page(ana, "01-cases");
        assertEquals("ana.csr", ana.text("who"));
        ana.type("givenName", "Milena");
        ana.type("familyName", "Đorđević");
        ana.choose("sex", "FEMALE");
        ana.choose("category", "CHILD_IN_STREET_SITUATION");
        ana.submit("open-case");
        String caseReference = ana.text("case-reference");
        assertFalse(caseReference.isBlank());
        ana.type("giverName", "Jovana Petrović");
        ana.type("purpose", "Psihosocijalna podrška");
        ana.choose("toAgency", "udruzenje-rod");
        ana.check("data-IDENTITY");
        ana.check("data-LANGUAGE");
        ana.submit("record-consent");
        assertTrue(ana.text("consents").contains("Jovana Petrović"), ana.text("consents"));
        page(ana, "02-case");

        ana.find("new-referral").click();
        ana.find("referral-form");
        page(ana, "03-new-referral");
        ana.choose("toAgency", "udruzenje-rod");
        ana.choose("service", "PSYCHOSOCIAL_SUPPORT");
        ana.choose("urgency", "URGENT");
        ana.type("reason", "Dete je zatečeno na ulici; potrebna podrška.");
        // no consent chosen: the API's problem shows in Serbian above the form, and nothing was sent
        ana.submit("send-referral");
        assertFalse(ana.text("problem").isBlank());
        ana.find("referral-form");
        new org.openqa.selenium.support.ui.Select(ana.find("consentId")).selectByIndex(1);
        ana.check("share-IDENTITY");
        ana.submit("send-referral");
        String reference = ana.text("reference");
        String referralPath = new java.net.URI(ana.driver.getCurrentUrl()).getPath();
        assertTrue(referralPath.startsWith("/referrals/"), referralPath);
        assertEquals("Poslata", ana.text("status"));
        page(ana, "04-referral-sent");

        // 2. Udruženje ROD finds it among its incoming referrals and accepts it
        Browser marko = signIn("marko.rod", "/referrals?direction=INCOMING");
        page(marko, "05-incoming");
        marko.driver.findElement(By.linkText(reference)).click();
        marko.find("action-accept");
        page(marko, "06-referral-received");
        marko.submit("action-accept");
        assertEquals("Prihvaćena", marko.text("status"));
        // once accepted, the case-service shares the person's data the consent covers with ROD
        await("ROD sees the shared person data").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    marko.open(referralPath);
                    assertEquals("Milena Đorđević", marko.textIfPresent("person-name").strip());
                });
        marko.open("/");
        page(marko, "07-my-work-rod");

        // 3. The sender sees ACCEPTED in the timeline and a new inbox item
        ana.open(referralPath);
        assertEquals("Prihvaćena", ana.text("status"));
        assertTrue(ana.text("timeline").contains("Prihvaćena"), ana.text("timeline"));
        page(ana, "08-referral-accepted");
        await("the sender's inbox tells of the acceptance").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    ana.open("/inbox");
                    assertTrue(ana.textIfPresent("inbox").contains("Uputnica prihvaćena"), ana.textIfPresent("inbox"));
                });
        page(ana, "09-inbox");

        // 4. The coordinator sees it in the dashboard's counts and downloads the CSV
        Browser jelena = signIn("jelena.coordinator", "/dashboard");
        assertTrue(jelena.text("by-status-h").length() > 0);
        assertTrue(jelena.page().contains("Prihvaćena"), "the dashboard counts the accepted referral");
        assertTrue(jelena.text("times").contains("udruzenje-rod"), jelena.text("times"));
        page(jelena, "10-dashboard");
        HttpResponse<byte[]> csv = jelena.download(jelena.find("csv").getDomAttribute("href"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(new String(csv.body(), StandardCharsets.UTF_8).contains("udruzenje-rod"));

        // 5. The referral form downloads as a PDF that holds the reference
        HttpResponse<byte[]> pdf = ana.download(referralPath + "/form.pdf");
        assertEquals(200, pdf.statusCode());
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains(reference), text);
            assertTrue(text.contains("Đorđević"), text);
        }

        // 6. Switching to sr-Cyrl shows Cyrillic labels, and the choice is remembered
        ana.open(referralPath);
        ana.choose("lang-select", "sr-Cyrl");
        await().atMost(Duration.ofSeconds(10)).until(() -> ana.page().contains("Мој посао"));
        assertEquals("Прихваћена", ana.text("status"));
        page(ana, "11-referral-sr-cyrl");
        ana.open("/");
        assertTrue(ana.page().contains("Мој посао"));
        assertNotNull(ana.cookie("console-lang"));

        // 7. A third agency gets the localised 404 for that referral's URL
        Browser ivana = signIn("ivana.iom", referralPath);
        assertEquals("Page not found", ivana.text("error-title")); // in her account's language (en)
        assertFalse(ivana.page().contains(reference));
        page(ivana, "12-not-found");

        // Logout ends the Keycloak session: the next visit asks for the password again
        marko.find("logout").click();
        await().atMost(Duration.ofSeconds(20)).until(() -> marko.driver.getCurrentUrl().contains("/signed-out"));
        page(marko, "13-signed-out");
        marko.driver.get(console + "/");
        await().atMost(Duration.ofSeconds(20)).until(() -> !marko.driver.findElements(By.id("username")).isEmpty());

        assertEquals(List.of(), accessibility, "serious or critical accessibility violations (axe-core)");
    }
}
