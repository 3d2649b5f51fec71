package org.uputnica.referrals.hsds;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.uputnica.infra.InfrastructureResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The HSDS API's limit per client address, with a tiny budget (3 at once, one more every 10 s), behind a proxy at
 * 127.0.0.2: its X-Forwarded-For names the client; the same header from anyone else is ignored.
 */
@QuarkusTest
@TestProfile(HsdsRateLimitTest.TinyLimit.class)
@QuarkusTestResource(value = InfrastructureResource.class, initArgs = @ResourceArg(name = "database", value = "referrals"))
class HsdsRateLimitTest {
    static final String TRUSTED_PROXY = "127.0.0.2";

    public static class TinyLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("uputnica.rate-limit.hsds.requests", "6", "uputnica.rate-limit.hsds.period", "PT1M",
                    "uputnica.rate-limit.hsds.burst", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", TRUSTED_PROXY);
        }
    }

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void overTheLimitA429WithRetryAfterThenAllowedAgain() throws IOException {
        // 127.0.0.1 is no trusted proxy: inventing X-Forwarded-For values does not give it more requests
        for (int i = 0; i < 3; i++) {
            given().header("X-Forwarded-For", "198.51.100." + i).when().get("/hsds/services").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.99").when().get("/hsds/organizations").then()
                .statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("([1-9]|10)"))
                .body("type", equalTo("urn:uputnica:problem:rate-limited"))
                .body("status", equalTo(429));

        // the trusted proxy's clients each have their own budget, whatever 127.0.0.1 used
        for (int i = 0; i < 3; i++) {
            assertEquals(200, viaProxy("203.0.113.7"));
        }
        assertEquals(429, viaProxy("203.0.113.7"));
        assertEquals(200, viaProxy("203.0.113.8"));

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().when().get("/hsds/services").then().statusCode(200));
    }

    /** A GET of /hsds/services sent from the trusted proxy's address, forwarding for {@code client}. */
    private int viaProxy(String client) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(TRUSTED_PROXY, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /hsds/services?per_page=1 HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + client
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII); // "HTTP/1.1 200"
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }
}
