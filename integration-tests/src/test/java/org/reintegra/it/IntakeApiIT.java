package org.reintegra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The intake API as an agency's case-management system uses it: real Keycloak client-credentials
 * tokens, the portal WAR as built, the real database and SMTP server. Idempotency (retries,
 * concurrent retries, a reused key), all-or-nothing batches, problem details for bad input, one
 * agency's referral invisible to another, the change feed, amendments, the OpenAPI document, and
 * the partner told by mail.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IntakeApiIT {

    private static final String NPA_CLIENT = "npa-case-system";
    private static final String PSP_CLIENT = "psp-case-system";
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @ArquillianResource
    URL portal;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.portal();
    }

    @Test
    void withoutAValidTokenTheApiAnswers401WithProblemDetailsAndNoRedirect() throws Exception {
        HttpResponse<String> none = http.send(HttpRequest.newBuilder(api("v1/referrals/1")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertEquals(401, json(none.body()).getInt("status"));

        HttpResponse<String> forged = get("v1/referrals/1", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
        assertEquals(401, forged.statusCode());

        // a person's token from the portal's own client is not meant for the API (no audience)
        String form = "grant_type=password&client_id=reintegra-portal&username=officer.nino&password=demo&client_secret="
                + URLEncoder.encode(System.getenv("REINTEGRA_OIDC_CLIENT_SECRET"), StandardCharsets.UTF_8);
        HttpResponse<String> personal = http.send(HttpRequest.newBuilder(URI.create(TestStack.get().realmUri()
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, personal.statusCode(), personal.body());
        assertEquals(401, get("v1/referrals/1", json(personal.body()).getString("access_token")).statusCode());
    }

    @Test
    void aReferralIsCreatedAndSentOnceHoweverOftenTheSameRequestIsRetried() throws Exception {
        String token = token(NPA_CLIENT);
        String key = UUID.randomUUID().toString();
        String body = referral("NPA-API-1001", "Retry " + key);

        HttpResponse<String> first = post("v1/referrals", token, key, body);
        assertEquals(201, first.statusCode(), first.body());
        JsonObject created = json(first.body());
        assertEquals("SENT", created.getString("status"));
        assertTrue(first.headers().firstValue("Location").orElse("").endsWith("/api/v1/referrals/" + created.getInt("id")));
        writtenOnceAndSent(Integer.toString(created.getInt("id")));

        HttpResponse<String> retry = post("v1/referrals", token, key, body);
        assertEquals(201, retry.statusCode());
        assertEquals(first.body(), retry.body(), "a retry returns the first result");
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(1, referralsWithReason("Retry " + key));

        HttpResponse<String> otherBody = post("v1/referrals", token, key, referral("NPA-API-1001", "Something else"));
        assertEquals(422, otherBody.statusCode(), otherBody.body());
        assertEquals("application/problem+json", otherBody.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void concurrentRetriesWithTheSameKeyCreateOneReferral() throws Exception {
        String token = token(NPA_CLIENT);
        String key = UUID.randomUUID().toString();
        String body = referral("NPA-API-1002", "Concurrent " + key);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> post("v1/referrals", token, key, body));
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<HttpResponse<String>> result : pool.invokeAll(calls)) {
                HttpResponse<String> response = result.get();
                assertEquals(201, response.statusCode(), response.body());
                ids.add(json(response.body()).getInt("id"));
            }
            assertEquals(1, ids.size(), "every retry answers with the same referral");
            assertEquals(1, referralsWithReason("Concurrent " + key));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputGetsProblemDetailsNamingTheFieldAndStoresNothing() throws Exception {
        String token = token(NPA_CLIENT);
        HttpResponse<String> noKey = send("POST", "v1/referrals", token, null, referral("NPA-API-1003", "x"));
        assertEquals(400, noKey.statusCode());
        assertTrue(noKey.body().contains("Idempotency-Key"), noKey.body());

        String noReason = referral("NPA-API-1003", "").replace("\"reasonForReferral\":\"\",", "");
        HttpResponse<String> invalid = post("v1/referrals", token, UUID.randomUUID().toString(), noReason);
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonObject problem = json(invalid.body());
        assertEquals("reasonForReferral", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertFalse(problem.getJsonArray("errors").getJsonObject(0).getString("message").isBlank());
        assertEquals(0, clientsWithCaseNumber("NPA-API-1003"), "no half-written client");

        HttpResponse<String> unknownOutcome = post("v1/referrals", token, UUID.randomUUID().toString(),
                referral("NPA-API-1003", "y").replace("RELAPSE_PREVENTION_PLAN", "WORLD_PEACE"));
        assertEquals(400, unknownOutcome.statusCode());
        assertEquals("desiredOutcomes", json(unknownOutcome.body()).getJsonArray("errors").getJsonObject(0)
                .getString("field"));

        HttpResponse<String> notJson = post("v1/referrals", token, UUID.randomUUID().toString(), "{not json");
        assertEquals(400, notJson.statusCode());
        assertFalse(notJson.body().contains("Exception"), notJson.body());
    }

    /**
     * As the penitentiary service to the college: the probation agency's lists, which
     * ClusterFailoverIT pages through after this class, stay as they were.
     */
    @Test
    void aBatchCreatesEveryReferralOnceAndAnotherAgencysSameKeyIsItsOwn() throws Exception {
        String token = token(PSP_CLIENT);
        String key = UUID.randomUUID().toString();
        String reason = "Batch " + key;
        String body = batch(toCollege(referral("PSP-API-2001", reason)), toCollege(referral("PSP-API-2001", reason)),
                toCollege(referral("PSP-API-2002", reason)));

        HttpResponse<String> first = post("v1/referrals/batch", token, key, body);
        assertEquals(200, first.statusCode(), first.body());
        JsonArray created = json(first.body()).getJsonArray("referrals");
        assertEquals(3, created.size());
        for (int i = 0; i < 3; i++) {
            JsonObject item = created.getJsonObject(i);
            assertEquals("SENT", item.getString("status"));
            String id = Integer.toString(item.getInt("id"));
            assertTrue(item.getString("location").endsWith("/api/v1/referrals/" + id), item.toString());
            assertEquals(item.getString("reference"), json(get("v1/referrals/" + id, token).body()).getString("reference"));
            writtenOnceAndSent(id); // each as a single create writes it
        }
        assertEquals(1, clientsWithCaseNumber("PSP-API-2001"), "one client for the two referrals of one case number");
        assertEquals(3, referralsWithReason(reason));

        HttpResponse<String> retry = post("v1/referrals/batch", token, key, body);
        assertEquals(200, retry.statusCode());
        assertEquals(first.body(), retry.body(), "a retry returns the first answer");
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(3, referralsWithReason(reason));
        assertEquals(422, post("v1/referrals/batch", token, key, batch(referral("PSP-API-2001", reason))).statusCode(),
                "the same key with another batch");
        assertEquals(422, post("v1/referrals", token, key, referral("PSP-API-2001", reason)).statusCode(),
                "the same key for a single create");

        // the other agency's key space is its own: the same key is neither replayed nor refused as reused, its
        // batch is judged on its own (refused here, so that it writes nothing), and it sees none of these referrals
        String other = token(NPA_CLIENT);
        HttpResponse<String> theirs = post("v1/referrals/batch", other, key, body.replace("vocational-college", "no-such-partner"));
        assertEquals(400, theirs.statusCode(), theirs.body());
        assertEquals("referrals[0].partner", json(theirs.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(3, referralsWithReason(reason));
        for (JsonValue ours : created) {
            assertEquals(404, get("v1/referrals/" + ours.asJsonObject().getInt("id"), other).statusCode());
        }
    }

    @Test
    void aBatchWithARefusedItemNamesTheItemAndStoresNothing() throws Exception {
        String token = token(NPA_CLIENT);
        String good = referral("NPA-API-2003", "Refused batch");
        // checked before any work: every refused field of every item
        HttpResponse<String> unchecked = post("v1/referrals/batch", token, UUID.randomUUID().toString(), batch(good,
                good.replace("RELAPSE_PREVENTION_PLAN", "WORLD_PEACE"),
                good.replace("\"custodyStatus\":\"IN_COMMUNITY\"", "\"custodyStatus\":\"ON_THE_MOON\"")));
        assertEquals(400, unchecked.statusCode(), unchecked.body());
        JsonArray errors = json(unchecked.body()).getJsonArray("errors");
        assertEquals(List.of("referrals[1].desiredOutcomes", "referrals[2].custodyStatus"),
                errors.getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList());
        assertFalse(errors.getJsonObject(0).getString("message").isBlank());

        // refused by the service after the first item was written: the whole batch rolls back
        HttpResponse<String> refused = post("v1/referrals/batch", token, UUID.randomUUID().toString(),
                batch(good, good.replace("new-path-ngo", "no-such-partner")));
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("referrals[1].partner", json(refused.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(0, clientsWithCaseNumber("NPA-API-2003"), "no client of the first item");
        assertEquals(0, referralsWithReason("Refused batch"), "no referral of the first item");

        HttpResponse<String> empty = post("v1/referrals/batch", token, UUID.randomUUID().toString(), "{\"referrals\":[]}");
        assertEquals(400, empty.statusCode());
        assertEquals("referrals", json(empty.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        String[] tooMany = new String[101];
        Arrays.fill(tooMany, good);
        assertEquals(400, post("v1/referrals/batch", token, UUID.randomUUID().toString(), batch(tooMany)).statusCode());
        assertEquals(0, clientsWithCaseNumber("NPA-API-2003"));
    }

    /**
     * The API's rows of the cross-tenant authorisation matrix. Every operation the OpenAPI document
     * lists is tried by the other agency against this agency's referral, client and organisation,
     * and answers exactly as it would for ones that do not exist. An operation added to the API
     * fails this test until it joins the matrix.
     */
    @Test
    void everyApiOperationTreatsAnotherAgencysDataAsMissing() throws Exception {
        String ours = token(NPA_CLIENT);
        HttpResponse<String> created = post("v1/referrals", ours, UUID.randomUUID().toString(),
                referral("NPA-API-1004", "Cross-agency probe"));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject before = json(created.body());
        long id = before.getInt("id");
        String other = token(PSP_CLIENT);
        String amendment = "{\"completionDeadline\":\"" + LocalDate.now().plusMonths(8) + "\",\"reason\":\"probe\"}";
        // their own referral of the same case number: to the college, so that our agency's and its partners' lists stay
        String theirs = toCollege(referral("NPA-API-1004", "Cross-agency probe, theirs")).replace("\"Api\"", "\"Theirs\"");

        Map<String, ApiProbe> matrix = new LinkedHashMap<>();
        matrix.put("GET /api/v1/referrals/{id}", () -> answersAsMissing("GET", id, "", other, ""));
        matrix.put("POST /api/v1/referrals/{id}/send", () -> answersAsMissing("POST", id, "/send", other, ""));
        matrix.put("POST /api/v1/referrals/{id}/amendments", () -> answersAsMissing("POST", id, "/amendments", other, amendment));
        matrix.put("POST /api/v1/referrals/{id}/withdrawal", () -> answersAsMissing("POST", id, "/withdrawal", other,
                "{\"reason\":\"NO_LONGER_NEEDED\"}"));
        matrix.put("GET /api/v1/referrals", () -> {
            HttpResponse<String> feed = get("v1/referrals?changedSince=2000-01-01T00:00:00Z&limit=500", other);
            assertEquals(200, feed.statusCode(), feed.body());
            assertFalse(feed.body().contains("\"id\":" + id + ","), "not in the other agency's change feed");
        });
        matrix.put("POST /api/v1/referrals", () -> {
            HttpResponse<String> single = post("v1/referrals", other, UUID.randomUUID().toString(), theirs);
            assertEquals(201, single.statusCode(), single.body());
            assertEquals("Theirs", json(single.body()).getString("clientGivenName"), "our case number is their own client");
            partnerRefusedAsMissing("v1/referrals", other, theirs, "partner");
        });
        matrix.put("POST /api/v1/referrals/batch", () -> {
            HttpResponse<String> batch = post("v1/referrals/batch", other, UUID.randomUUID().toString(), batch(theirs));
            assertEquals(200, batch.statusCode(), batch.body());
            long theirId = json(batch.body()).getJsonArray("referrals").getJsonObject(0).getInt("id");
            assertEquals("Theirs", json(get("v1/referrals/" + theirId, other).body()).getString("clientGivenName"));
            partnerRefusedAsMissing("v1/referrals/batch", other, batch(theirs), "referrals[0].partner");
        });

        assertEquals(operationsInTheOpenApiDocument(), matrix.keySet(), "every API operation is in the matrix");
        for (Map.Entry<String, ApiProbe> operation : matrix.entrySet()) {
            try {
                operation.getValue().run();
            } catch (AssertionError failed) {
                throw new AssertionError(operation.getKey() + ": " + failed.getMessage(), failed);
            }
        }
        assertEquals(2, clientsWithCaseNumber("NPA-API-1004"), "ours, and theirs (their batch found their single create's)");
        JsonObject after = json(get("v1/referrals/" + id, ours).body());
        assertEquals("SENT", after.getString("status"));
        assertEquals(before.getJsonNumber("version"), after.getJsonNumber("version"), "our referral unchanged");
        assertEquals("Api", after.getString("clientGivenName"), "our client unchanged");
    }

    /** One row of the API's matrix: a call and what it must answer. */
    private interface ApiProbe {
        void run() throws Exception;
    }

    /** The other agency's call on our referral: the same status and problem as for an id nobody has. */
    private void answersAsMissing(String method, long id, String action, String token, String body) throws Exception {
        String missingId = "987654321";
        String key = UUID.randomUUID().toString();
        HttpResponse<String> foreign = send(method, "v1/referrals/" + id + action, token, key, body);
        HttpResponse<String> missing = send(method, "v1/referrals/" + missingId + action, token, key + "-missing", body);
        assertEquals(404, foreign.statusCode(), foreign.body());
        assertEquals(missing.statusCode(), foreign.statusCode());
        assertEquals(missing.body().replace(missingId, "ID"), foreign.body().replace(Long.toString(id), "ID"));
    }

    /** Our agency named as the partner is refused exactly like an organisation that does not exist. */
    private void partnerRefusedAsMissing(String path, String token, String body, String field) throws Exception {
        HttpResponse<String> agency = post(path, token, UUID.randomUUID().toString(),
                body.replace("vocational-college", "national-probation-agency"));
        HttpResponse<String> nobody = post(path, token, UUID.randomUUID().toString(),
                body.replace("vocational-college", "no-such-partner"));
        assertEquals(400, agency.statusCode(), agency.body());
        assertEquals(field, json(agency.body()).getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(nobody.body(), agency.body());
    }

    /** "METHOD path" of every operation the portal's OpenAPI document describes. */
    private Set<String> operationsInTheOpenApiDocument() throws IOException, InterruptedException {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(server("/openapi"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), document.body());
        Set<String> operations = new TreeSet<>();
        json(document.body()).getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(Set.of("get", "put", "post", "delete", "patch")::contains)
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    @Test
    void anAmendmentIsInTheChangelogAndTheChangeFeedAndThePartnerIsMailed() throws Exception {
        signedInAsStaffWithMail("new-path-ngo", "caseworker.dana", "dana.api@newpath.example");
        String token = token(NPA_CLIENT);
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> created = post("v1/referrals", token, UUID.randomUUID().toString(),
                referral("NPA-API-1005", "Amendment probe"));
        JsonObject referral = json(created.body());
        int id = referral.getInt("id");
        String reference = referral.getString("reference");
        assertTrue(TestStack.get().awaitMail("dana.api@newpath.example", reference, Duration.ofSeconds(60)),
                "the partner's caseworker is mailed of the new referral");
        assertFalse(TestStack.get().mailTo("dana.api@newpath.example", reference).get(0).getContent().toString()
                .contains("Amendment probe"), "mail never carries what the referral says");

        LocalDate deadline = LocalDate.now().plusMonths(10);
        HttpResponse<String> amended = post("v1/referrals/" + id + "/amendments", token, UUID.randomUUID().toString(),
                "{\"completionDeadline\":\"" + deadline + "\",\"reason\":\"Court extended the order\",\"version\":"
                        + referral.getInt("version") + "}");
        assertEquals(200, amended.statusCode(), amended.body());
        JsonArray changelog = json(amended.body()).getJsonArray("changelog");
        assertEquals("COMPLETION_DEADLINE", changelog.getJsonObject(0).getString("field"));
        assertEquals(deadline.toString(), changelog.getJsonObject(0).getString("newValue"));

        HttpResponse<String> stale = post("v1/referrals/" + id + "/amendments", token, UUID.randomUUID().toString(),
                "{\"sendingOffice\":\"Batumi\",\"reason\":\"stale\",\"version\":" + referral.getInt("version") + "}");
        assertEquals(409, stale.statusCode(), "an amendment of an old version is refused");

        JsonObject feed = json(get("v1/referrals?changedSince=" + before + "&limit=500", token).body());
        assertTrue(feed.getJsonArray("changes").stream().map(v -> v.asJsonObject().getInt("id")).anyMatch(i -> i == id));
        assertTrue(TestStack.get().awaitMail("dana.api@newpath.example", "amended", Duration.ofSeconds(60)),
                "the partner is told of the amendment");

        HttpResponse<String> withdrawn = post("v1/referrals/" + id + "/withdrawal", token, UUID.randomUUID().toString(),
                "{\"reason\":\"ENTERED_IN_ERROR\",\"explanation\":\"API test\"}");
        assertEquals(200, withdrawn.statusCode(), withdrawn.body());
        assertEquals("WITHDRAWN", json(withdrawn.body()).getString("status"));
    }

    /**
     * Someone who chose the daily digest gets one mail listing what happened before the day's
     * cutoff (07:00 UTC by default) and nothing at once. The notification is moved to before the
     * last cutoff, so the next round of the mail job writes the digest.
     */
    @Test
    void aPersonWhoChoseTheDailyDigestGetsOneMailListingTheNotifications() throws Exception {
        String body = referral("NPA-API-1200", "Digest probe").replace("new-path-ngo", "justice-art-ngo")
                .replace("OVERCOMING_ADDICTIONS", "PSYCHOSOCIAL_REHABILITATION").replace("ADDICTION_PROGRAMME", "ART_THERAPY")
                .replace("RELAPSE_PREVENTION_PLAN", "WELLBEING_IMPROVED");
        HttpResponse<String> created = post("v1/referrals", token(NPA_CLIENT), UUID.randomUUID().toString(), body);
        assertEquals(201, created.statusCode(), created.body());
        JsonObject referral = json(created.body());
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        java.time.ZonedDateTime today = now.toLocalDate().atTime(7, 0).atZone(java.time.ZoneOffset.UTC);
        Instant cutoff = (now.isBefore(today) ? today.minusDays(1) : today).toInstant();
        try (Connection connection = DriverManager.getConnection(TestStack.get().superuserJdbcUrl())) {
            try (PreparedStatement back = connection.prepareStatement(
                    "UPDATE notification SET created_at = ? WHERE referral_id = ?")) {
                back.setTimestamp(1, java.sql.Timestamp.from(cutoff.minusSeconds(3600)));
                back.setLong(2, referral.getInt("id"));
                assertEquals(1, back.executeUpdate());
            }
            try (PreparedStatement digest = connection.prepareStatement("INSERT INTO staff_member (tenant_id, username,"
                    + " display_name, email, roles, notification_delivery, first_signed_in_at, last_signed_in_at,"
                    + " digest_sent_up_to, version) VALUES ('justice-art-ngo', 'digest.reader', 'Digest Reader',"
                    + " 'digest.reader@justice-art.example', 'partner-staff', 'DAILY_DIGEST', now(), now(), ?, 1)")) {
                digest.setTimestamp(1, java.sql.Timestamp.from(cutoff.minusSeconds(86400)));
                digest.executeUpdate();
            }
        }
        assertTrue(TestStack.get().awaitMail("digest.reader@justice-art.example", "notifications", Duration.ofSeconds(60)),
                "the digest arrives");
        List<jakarta.mail.internet.MimeMessage> digests = TestStack.get().mailTo("digest.reader@justice-art.example", "");
        assertEquals(1, digests.size(), "one digest, no mail at once");
        assertTrue(digests.get(0).getContent().toString().contains(referral.getString("reference")));
        Thread.sleep(3000);
        assertEquals(1, TestStack.get().mailTo("digest.reader@justice-art.example", "").size(), "and only once");
    }

    @Test
    void theChangeFeedPagesByKeyset() throws Exception {
        String token = token(NPA_CLIENT);
        for (int i = 0; i < 3; i++) {
            post("v1/referrals", token, UUID.randomUUID().toString(), referral("NPA-API-11" + i, "Feed " + i));
        }
        Set<Integer> seen = new HashSet<>();
        String next = "v1/referrals?changedSince=2000-01-01T00:00:00Z&limit=2";
        int pages = 0;
        while (next != null && pages < 100) {
            JsonObject page = json(get(next, token).body());
            page.getJsonArray("changes").forEach(c -> assertTrue(seen.add(c.asJsonObject().getInt("id")), "no repeats"));
            next = !page.containsKey("next") || page.isNull("next") ? null : "v1/referrals?changedSince="
                    + page.getJsonObject("next").getString("changedSince") + "&after="
                    + page.getJsonObject("next").getJsonNumber("after").longValue() + "&limit=2";
            pages++;
        }
        assertEquals(referralsOfAgency("national-probation-agency"), seen.size(), "every referral once");
    }

    /**
     * The agency's system reads the end-of-service report of a referral the partner concluded:
     * the one PortalBrowserIT's whole flow completes (Failsafe runs that class before this one).
     */
    @Test
    void theAgencyReadsTheEndOfServiceReportOfACompletedReferral() throws Exception {
        long completed;
        try (Connection connection = DriverManager.getConnection(TestStack.get().superuserJdbcUrl());
             ResultSet rows = connection.createStatement().executeQuery("SELECT r.id FROM referral r"
                     + " JOIN end_of_service_report e ON e.referral_id = r.id"
                     + " WHERE r.agency_tenant_id = 'national-probation-agency' ORDER BY r.id LIMIT 1")) {
            org.junit.jupiter.api.Assumptions.assumeTrue(rows.next(), "run after PortalBrowserIT (mvn verify does)");
            completed = rows.getLong(1);
        }
        JsonObject referral = json(get("v1/referrals/" + completed, token(NPA_CLIENT)).body());
        assertEquals("COMPLETED", referral.getString("status"));
        JsonObject report = referral.getJsonObject("report");
        assertEquals("COMPLETED", report.getString("conclusion"));
        assertFalse(report.getJsonArray("ratings").isEmpty());
        assertEquals(404, get("v1/referrals/" + completed, token(PSP_CLIENT)).statusCode(), "another agency's");
    }

    @Test
    void thePortalServesAnOpenApiDocumentOfTheIntakeApi() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(server("/openapi")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        assertTrue(document.body().contains("/api/v1/referrals"), document.body());
        assertTrue(document.body().contains("Idempotency-Key"), document.body());
        assertTrue(document.body().contains("/api/v1/referrals/batch"), document.body());
    }

    @Test
    void theHealthChecksSayTheDatabaseAndKeycloakAreReadyAndThePortalLive() throws Exception {
        HttpResponse<String> ready = http.send(HttpRequest.newBuilder(server("/health/ready")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ready.statusCode(), ready.body());
        JsonObject readiness = json(ready.body());
        assertEquals("UP", readiness.getString("status"));
        Set<String> checks = new HashSet<>();
        readiness.getJsonArray("checks").forEach(c -> checks.add(c.asJsonObject().getString("name")));
        assertTrue(checks.containsAll(Set.of("database", "keycloak")), checks.toString());
        HttpResponse<String> live = http.send(HttpRequest.newBuilder(server("/health/live")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, live.statusCode(), live.body());
        assertTrue(live.body().contains("portal"), live.body());
    }

    /** Every response names its request: the caller's plain X-Request-Id, or a new one. */
    @Test
    void everyResponseCarriesTheRequestIdItsLogLinesCarry() throws Exception {
        String token = token(NPA_CLIENT);
        HttpResponse<String> traced = http.send(HttpRequest.newBuilder(URI.create(portal + "api/v1/referrals?changedSince=2026-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "it-trace-42").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, traced.statusCode(), traced.body());
        assertEquals("it-trace-42", traced.headers().firstValue("X-Request-Id").orElse(null));
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(portal + "api/v1/referrals?changedSince=2026-01-01T00:00:00Z"))
                .header("Authorization", "Bearer " + token).header("X-Request-Id", "no spaces or {json} please").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        String given = forged.headers().firstValue("X-Request-Id").orElse("");
        assertTrue(given.matches("[0-9a-f-]{36}"), given);
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String referral(String caseNumber, String reason) {
        return "{\"client\":{\"caseNumber\":\"" + caseNumber + "\",\"givenName\":\"Api\",\"familyName\":\"Client "
                + caseNumber + "\",\"dateOfBirth\":\"1990-01-01\",\"sex\":\"MALE\",\"preferredLanguage\":\"ru\"},"
                + "\"partner\":\"new-path-ngo\",\"programmeArea\":\"OVERCOMING_ADDICTIONS\","
                + "\"serviceType\":\"ADDICTION_PROGRAMME\",\"reasonForReferral\":\"" + reason + "\","
                + "\"desiredOutcomes\":[\"RELAPSE_PREVENTION_PLAN\"],\"custodyStatus\":\"IN_COMMUNITY\","
                + "\"completionDeadline\":\"" + LocalDate.now().plusMonths(6) + "\",\"legalBasis\":\"PROBATION_CONDITION\","
                + "\"sendingOffice\":\"Tbilisi probation office\"}";
    }

    /** Written once, already sent, with everything a draft followed by a send leaves behind. */
    private static void writtenOnceAndSent(String id) throws SQLException {
        assertEquals(1, count("SELECT count(*) FROM referral_status_change WHERE referral_id = ?::bigint"
                + " AND from_status = 'DRAFT' AND to_status = 'SENT' AND command = 'SEND'", id), "the history");
        assertEquals(2, count("SELECT count(*) FROM audit_event WHERE referral_id = ?::bigint"
                + " AND purpose IN ('referral draft', 'referral send')", id), "the audit rows");
        assertEquals(1, count("SELECT count(*) FROM notification WHERE referral_id = ?::bigint"
                + " AND event = 'SENT' AND recipient_side = 'PARTNER'", id), "the partner's notification");
        assertEquals(1, count("SELECT count(*) FROM referral_measure WHERE referral_id = ?::bigint", id), "the measures row");
    }

    private static String toCollege(String referral) {
        return referral.replace("new-path-ngo", "vocational-college");
    }

    private static String batch(String... referrals) {
        return "{\"referrals\":[" + String.join(",", referrals) + "]}";
    }

    /** A path of the server itself, outside the portal's context: /openapi, /health/ready. */
    private URI server(String path) {
        return URI.create(portal.getProtocol() + "://" + portal.getHost() + ":" + portal.getPort() + path);
    }

    private URI api(String path) {
        return URI.create(portal.toString() + "api/" + path);
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String key, String body)
            throws IOException, InterruptedException {
        return send("POST", path, token, key, body);
    }

    private HttpResponse<String> send(String method, String path, String token, String key, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String client) throws IOException, InterruptedException {
        return TestStack.get().apiToken(client);
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** What the portal records at a browser sign-in, written directly: the person and their mail address. */
    private static void signedInAsStaffWithMail(String tenant, String username, String email) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestStack.get().superuserJdbcUrl());
             PreparedStatement insert = connection.prepareStatement("INSERT INTO staff_member (tenant_id, username,"
                     + " display_name, email, roles, first_signed_in_at, last_signed_in_at, version)"
                     + " VALUES (?, ?, ?, ?, 'partner-staff', now(), now(), 1)"
                     + " ON CONFLICT (tenant_id, username) DO UPDATE SET email = EXCLUDED.email,"
                     + " notification_delivery = 'IMMEDIATE'")) {
            insert.setString(1, tenant);
            insert.setString(2, username);
            insert.setString(3, username);
            insert.setString(4, email);
            insert.executeUpdate();
        }
    }

    private static int referralsWithReason(String reason) throws SQLException {
        return count("SELECT count(*) FROM referral WHERE reason_for_referral = ?", reason);
    }

    private static int clientsWithCaseNumber(String caseNumber) throws SQLException {
        return count("SELECT count(*) FROM client WHERE reference = ?", caseNumber);
    }

    private static int referralsOfAgency(String agency) throws SQLException {
        return count("SELECT count(*) FROM referral WHERE agency_tenant_id = ?", agency);
    }

    private static int count(String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(TestStack.get().superuserJdbcUrl());
             PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
