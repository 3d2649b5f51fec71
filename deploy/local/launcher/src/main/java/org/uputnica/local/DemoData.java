package org.uputnica.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a fresh local stack with a few cases a demo can start from, through the public APIs with the demo users'
 * tokens (so every rule and audit applies): a migrant child referred to an NGO under the guardian's consent and
 * accepted, a child found begging in assessment, a returnee family in Bijeljina, and the same migrant child as the
 * Commissariat wrote him down (a match suggestion). It does nothing when ana.csr's agency already has cases.
 */
final class DemoData {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final String issuer;
    private final String cases;
    private final String referrals;
    private final Map<String, String> tokens = new HashMap<>();

    private DemoData(String issuer, String cases, String referrals) {
        this.issuer = issuer;
        this.cases = cases;
        this.referrals = referrals;
    }

    static void run(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: demo ISSUER CASE_SERVICE_URL REFERRAL_SERVICE_URL");
            System.exit(2);
        }
        new DemoData(args[1], args[2], args[3]).fill();
    }

    private void fill() throws Exception {
        if (!call("ana.csr", "GET", cases + "/api/v1/cases?size=1", null).strip().equals("[]")) {
            Launcher.log("demo data: csr-kikinda has cases already; nothing added");
            return;
        }
        String today = LocalDate.now().toString();

        String amir = id(call("ana.csr", "POST", cases + "/api/v1/cases", """
                {"person": {"givenName": "Amir", "familyName": "Hasani", "otherNames": ["Ameer Hassani"],
                            "estimatedAge": 15, "sex": "MALE", "nationality": "AF", "languages": ["ps", "fa"],
                            "interpreterNeeded": true, "legalStatus": "ASYLUM_SEEKER",
                            "guardian": {"name": "Jovana Petrović", "agency": "csr-kikinda", "appointedOn": "%s"}},
                 "categories": ["UNACCOMPANIED_MINOR", "ASYLUM_SEEKER"],
                 "risk": {"level": "HIGH", "reason": "Travelling alone; seen with smugglers near the border"}}"""
                .formatted(today)));
        String consent = id(call("ana.csr", "POST", cases + "/api/v1/cases/" + amir + "/consents", """
                {"givenBy": "GUARDIAN", "giverName": "Jovana Petrović", "purpose": "Psychosocial support at ROD",
                 "toAgency": "udruzenje-rod", "data": ["IDENTITY", "LANGUAGE"], "validFrom": "%s",
                 "method": "SIGNED_FORM"}""".formatted(today)));
        String referral = id(call("ana.csr", "POST", referrals + "/api/v1/referrals", """
                {"caseId": "%s", "toAgency": "udruzenje-rod", "service": "PSYCHOSOCIAL_SUPPORT", "urgency": "URGENT",
                 "reason": "Unaccompanied boy, 15, anxious, needs psychosocial support in Pashto",
                 "sharing": {"basis": "CONSENT", "consentId": "%s", "data": ["IDENTITY", "LANGUAGE"]}}"""
                .formatted(amir, consent)));
        call("marko.rod", "POST", referrals + "/api/v1/referrals/" + referral + "/accept", null);

        String dejan = id(call("ana.csr", "POST", cases + "/api/v1/cases", """
                {"person": {"givenName": "Дејан", "familyName": "Јовановић", "dateOfBirth": "2016-05-01", "sex": "MALE",
                            "identifiers": [{"type": "JMBG", "value": "0105016800011"}], "languages": ["sr", "rom"],
                            "legalStatus": "CITIZEN", "family": [{"relation": "MOTHER", "name": "Ljiljana Jovanović"}]},
                 "categories": ["CHILD_FOUND_BEGGING", "ROMA_FAMILY_IN_NEED"],
                 "risk": {"level": "MEDIUM", "reason": "Found begging at the bus station at night"}}"""));
        call("ana.csr", "POST", cases + "/api/v1/cases/" + dejan + "/steps", "{\"step\": \"ASSESSMENT\"}");
        call("ana.csr", "POST", cases + "/api/v1/cases/" + dejan + "/notes",
                "{\"text\": \"Home visit: the mother works nights; the boy stays with an older sister.\"}");

        call("senad.csr", "POST", cases + "/api/v1/cases", """
                {"person": {"givenName": "Elvir", "familyName": "Mujić", "dateOfBirth": "2013-09-10", "sex": "MALE",
                            "legalStatus": "RETURNEE", "languages": ["bs", "de"]},
                 "categories": ["RETURNEE"]}""");

        call("dragan.kirs", "POST", cases + "/api/v1/cases", """
                {"person": {"givenName": "Ameer", "familyName": "Hassani", "estimatedAge": 16, "sex": "MALE",
                            "nationality": "AF", "languages": ["ps"], "legalStatus": "ASYLUM_SEEKER",
                            "identifiers": [{"type": "REGISTRATION_NUMBER", "value": "KI-2026-0042", "issuer": "kirs"}]},
                 "category": "UNACCOMPANIED_MINOR"}""");
        Launcher.log("demo data: 4 cases, a consent, and a referral accepted by udruzenje-rod");
    }

    private String call(String user, String method, String url, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private String token(String user) throws IOException, InterruptedException {
        String cached = tokens.get(user);
        if (cached != null) {
            return cached;
        }
        String form = "grant_type=password&client_id=uputnica-cli&password=demo&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode());
        }
        tokens.put(user, m.group(1));
        return m.group(1);
    }

    private static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }
}
