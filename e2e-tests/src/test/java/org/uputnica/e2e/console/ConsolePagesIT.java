package org.uputnica.e2e.console;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.uputnica.e2e.TheSystem;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's pages beyond the referral loop, in a real Chromium: the list's filters and order, the case's plan,
 * documents, possible matches and access log, the notification settings, the working group's annual summary printed
 * on A4, a stale action answered with the localised "changed meanwhile" (412), and every page on a 360 px wide phone
 * screen without horizontal scrolling. Each page is checked with axe-core; screenshots go to target/screenshots.
 */
class ConsolePagesIT {
    private static String console;
    private static final List<Browser> browsers = new ArrayList<>();
    private static final List<String> accessibility = new ArrayList<>();
    private static final List<String> tooWide = new ArrayList<>();

    @BeforeAll
    static void theSystem() throws Exception {
        console = TheSystem.get().consoleUrl();
    }

    @AfterAll
    static void closeBrowsers() {
        for (Browser b : browsers) {
            b.screenshot("pages-last-" + b.user);
            b.close();
        }
    }

    private static Browser signIn(String user, String path) {
        Browser b = Browser.signIn(user, console, path);
        browsers.add(b);
        return b;
    }

    /** Screenshot, axe-core, and the same page at 360 px: nothing may make the page scroll sideways. */
    private static void page(Browser b, String name) throws java.io.IOException {
        b.screenshot("pages-" + name);
        if (Axe.available()) {
            Axe.seriousViolations(b).forEach(v -> accessibility.add(name + ": " + v));
        }
        Dimension wide = b.driver.manage().window().getSize();
        b.driver.manage().window().setSize(new Dimension(360, 780));
        try {
            Object overflow = ((JavascriptExecutor) b.driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            long px = ((Number) overflow).longValue();
            if (px > 0) {
                tooWide.add(name + ": " + px + " px wider than the screen");
            }
            b.screenshot("pages-" + name + "-360");
        } finally {
            b.driver.manage().window().setSize(wide);
        }
    }

    @Test
    void thePagesBeyondTheLoop() throws Exception {
        // a case with a consent and a referral to ROD, as in the loop
        Browser ana = signIn("ana.csr", "/cases");
        ana.type("givenName", "Stefan");
        ana.type("familyName", "Jovanović");
        ana.choose("sex", "MALE");
        ana.choose("category", "CHILD_FOUND_BEGGING");
        ana.submit("open-case");
        String casePath = new java.net.URI(ana.driver.getCurrentUrl()).getPath();
        ana.type("giverName", "Dragana Jovanović");
        ana.type("purpose", "Pravna pomoć");
        ana.choose("toAgency", "udruzenje-rod");
        ana.check("data-IDENTITY");
        ana.submit("record-consent");
        // the case page: plan and documents (none yet), links to possible matches (owner) but not to the access
        // log (a caseworker is no supervisor)
        assertTrue(ana.text("plan-h").length() > 0);
        assertTrue(ana.text("documents-h").length() > 0);
        assertTrue(ana.driver.findElements(By.id("access-log-link")).isEmpty());
        page(ana, "01-case");
        ana.find("new-referral").click();
        ana.find("referral-form");
        ana.choose("toAgency", "udruzenje-rod");
        ana.choose("service", "PSYCHOSOCIAL_SUPPORT");
        ana.choose("urgency", "ROUTINE");
        ana.type("reason", "Potrebna pravna pomoć oko dokumenata.");
        new org.openqa.selenium.support.ui.Select(ana.find("consentId")).selectByIndex(1);
        ana.check("share-IDENTITY");
        ana.submit("send-referral");
        String reference = ana.text("reference");
        String referralPath = new java.net.URI(ana.driver.getCurrentUrl()).getPath();

        // the outgoing list, filtered by service, period and lateness, in an order
        ana.open("/referrals?direction=OUTGOING");
        ana.choose("f-service", "PSYCHOSOCIAL_SUPPORT");
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        ((JavascriptExecutor) ana.driver).executeScript(
                "document.getElementById('f-sent-from').value = arguments[0];"
                        + "document.getElementById('f-sent-to').value = arguments[0];", today);
        ana.choose("f-overdue", "false");
        ana.choose("f-sort", "SENT"); // newest sent first: the new referral is on the first page (URGENCY would put this ROUTINE one after every urgent one)
        ana.submit("apply-filters");
        assertTrue(ana.text("referrals").contains(reference), ana.text("referrals"));
        page(ana, "02-outgoing-filtered");
        ana.choose("f-service", "SHELTER");
        ana.submit("apply-filters");
        assertFalse(ana.text("referrals").contains(reference), "another service: " + ana.text("referrals"));
        ana.choose("f-service", "PSYCHOSOCIAL_SUPPORT");
        ana.choose("f-overdue", "true");
        ana.submit("apply-filters");
        assertFalse(ana.text("referrals").contains(reference), "not overdue: " + ana.text("referrals"));

        // 412: ROD has the referral open in two windows; one acknowledges, the other's accept is stale
        Browser rod = signIn("marko.rod", referralPath);
        rod.find("action-accept");
        Browser rodElsewhere = signIn("marko.rod", referralPath);
        rodElsewhere.submit("action-acknowledge");
        assertEquals("Prijem potvrđen", rodElsewhere.text("status"));
        rod.submit("action-accept");
        assertTrue(rod.text("problem").contains("u međuvremenu"), rod.text("problem"));
        assertEquals("Prijem potvrđen", rod.text("status"), "nothing was lost: the page shows the new state");
        assertTrue(rod.driver.findElements(By.id("error-title")).isEmpty(), "not an error page");
        page(rod, "03-changed-meanwhile");
        rod.submit("action-accept"); // with the fresh version it goes through
        assertEquals("Prihvaćena", rod.text("status"));

        // possible matches: the owner's caseworker searches (no purpose field: that is for supervisors)
        ana.open(casePath);
        ana.find("matches-link").click();
        ana.find("match-form");
        assertTrue(ana.driver.findElements(By.id("match-purpose")).isEmpty());
        ana.submit("find-matches");
        assertTrue(ana.find("suggestions-h").isDisplayed());
        page(ana, "04-matches");

        // the access log, for a supervisor of the owner agency; with a purpose, the supervisor searches every agency
        Browser milica = signIn("milica.supervisor", casePath);
        milica.find("access-log-link").click();
        assertTrue(milica.text("access-log").contains("ana.csr"), milica.text("access-log"));
        page(milica, "05-access-log");
        milica.open(casePath + "/matches");
        milica.type("match-purpose", "Provera pre smeštaja");
        milica.submit("find-matches");
        assertTrue(milica.find("suggestions-h").isDisplayed());
        milica.open(casePath + "/access-log");
        assertTrue(milica.text("access-log").contains("Provera pre smeštaja"), "the purpose is in the access log");

        // notification settings: an address and e-mail for accepted referrals, kept
        ana.open("/settings");
        page(ana, "06-settings");
        ana.type("email", "ana.csr@csr-kikinda.uputnica.test");
        ana.check("email-REFERRAL_ACCEPTED");
        ana.submit("save-settings");
        assertTrue(ana.text("settings-saved").length() > 0);
        assertEquals("ana.csr@csr-kikinda.uputnica.test", ana.find("email").getDomProperty("value"));
        assertTrue(ana.find("email-REFERRAL_ACCEPTED").isSelected());
        assertTrue(ana.find("email-REFERRAL_OVERDUE").isSelected(), "overdue always comes by e-mail");
        // the new address is not confirmed yet: the page asks for the code it received; a wrong one is refused
        assertTrue(ana.text("email-unverified").length() > 0, "a new address waits for its code");
        ana.type("email-code", "WRONGCODE1");
        ana.submit("confirm-email");
        assertTrue(ana.text("code-error").length() > 0, "a wrong code is refused beside the field");
        // an address the browser takes but the API does not (longer than an address may be)
        ana.type("email", "x".repeat(250) + "@csr-kikinda.uputnica.test");
        ana.submit("save-settings");
        assertTrue(ana.text("problem").length() > 0);
        assertTrue(ana.driver.findElements(By.id("email-error")).size() == 1, "the problem shows beside the field");
        page(ana, "07-settings-problem");

        // the annual summary of the working group: counts the referral, prints on A4 (two pages at most)
        Browser jelena = signIn("jelena.coordinator", "/dashboard");
        jelena.find("annual").click();
        assertTrue(jelena.text("annual-title").contains(String.valueOf(java.time.Year.now().getValue())));
        assertTrue(jelena.text("annual-agencies").contains("udruzenje-rod"), jelena.text("annual-agencies"));
        page(jelena, "08-annual");
        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new PageSize(29.7, 21.0));
        a4.setBackground(false);
        Pdf printed = ((PrintsPage) jelena.driver).print(a4);
        try (PDDocument doc = Loader.loadPDF(Base64.getDecoder().decode(printed.getContent()))) {
            assertTrue(doc.getNumberOfPages() <= 2, "pages: " + doc.getNumberOfPages());
            float widthMm = doc.getPage(0).getMediaBox().getWidth() / 72f * 25.4f;
            assertEquals(210, widthMm, 2, "A4 wide");
            // a narrow column breaks "udruzenje-rod" after its hyphen on paper
            String text = new PDFTextStripper().getText(doc).replaceAll("-\\s+", "-");
            assertTrue(text.contains("udruzenje-rod"), text);
            assertFalse(text.contains(jelena.find("print").getText()), "no buttons on paper: " + text);
        }

        // the incoming list of ROD, the referral page and the dashboard on a phone too
        rod.open("/referrals?direction=INCOMING&overdue=false&sort=OLDEST");
        page(rod, "09-incoming-sorted");
        rod.open(referralPath);
        page(rod, "10-referral");
        jelena.open("/dashboard");
        page(jelena, "11-dashboard");
        ana.open("/");
        page(ana, "12-my-work");

        assertEquals(List.of(), tooWide, "pages that scroll sideways on a 360 px screen");
        assertEquals(List.of(), accessibility, "serious or critical accessibility violations (axe-core)");
    }
}
