package org.reintegra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.reintegra.devstack.NginxProxy;
import org.reintegra.devstack.PayaraMicroProcess;

/**
 * Scale-out (ADR 0012): two Payara Micro instances of the portal, clustered over their data grid on
 * loopback and serving the same database, behind nginx with sticky sessions. People keep working
 * when an instance stops: those on the other instance without noticing, those on the stopped one
 * after their page reloads itself on the other instance, signed in again through Keycloak's single
 * sign-on, at the page they were on.
 *
 * <p>Runs last (reverse alphabetical order): it starts its own two instances, not Arquillian's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String CLIENT = "Levan Tsiklauri";

    private static PayaraMicroProcess first;
    private static PayaraMicroProcess second;
    private static NginxProxy proxy;
    private static PortalBrowser browser;

    /** A failing test says what its pages showed and what the instances logged last. */
    @RegisterExtension
    static final TestExecutionExceptionHandler SHOW_STATE_ON_FAILURE = (context, thrown) -> {
        StringBuilder state = new StringBuilder();
        if (browser != null) {
            state.append("\nThe test's pages showed:").append(browser.describeOpenPages());
        }
        for (PayaraMicroProcess instance : new PayaraMicroProcess[] {first, second}) {
            if (instance != null) {
                String tail = instance.logTail();
                state.append("\nLast lines of ").append(instance.settings().instanceName()).append(":\n")
                        .append(tail.substring(Math.max(0, tail.length() - 2500)));
            }
        }
        throw new AssertionError(thrown.getClass().getSimpleName() + ": " + thrown.getMessage() + state, thrown);
    };

    @BeforeAll
    static void startTwoInstancesBehindTheProxy() throws Exception {
        Path work = Path.of(TestStack.setting("reintegra.it.work")).resolve("cluster");
        Files.createDirectories(work);
        int proxyPort = port("reintegra.it.cluster.proxy-port");
        int firstPort = port("reintegra.it.cluster.first-port");
        int secondPort = port("reintegra.it.cluster.second-port");
        int firstGrid = port("reintegra.it.cluster.first-grid-port");
        int secondGrid = port("reintegra.it.cluster.second-grid-port");
        // the portal's settings come from Failsafe's environment (inherited); only the address differs
        Map<String, String> environment = new HashMap<>();
        environment.put("REINTEGRA_PORTAL_BASE_URL", "http://127.0.0.1:" + proxyPort + "/");
        // tab counts kept ten minutes: a count that changes within the test was told, not expired
        environment.put("REINTEGRA_INBOX_COUNTS_SECONDS", "600");

        // one after the other: the first migrates the schema, the second joins its data grid
        first = PayaraMicroProcess.start(settings("portal-a", work.resolve("a"), firstPort, firstGrid, secondGrid,
                environment));
        first.awaitReady(Duration.ofMinutes(4));
        second = PayaraMicroProcess.start(settings("portal-b", work.resolve("b"), secondPort, secondGrid, firstGrid,
                environment));
        second.awaitReady(Duration.ofMinutes(4));
        proxy = NginxProxy.start(new NginxProxy.Settings(NginxProxy.executable(), work.resolve("nginx"), proxyPort,
                List.of(new NginxProxy.Backend("a", firstPort), new NginxProxy.Backend("b", secondPort))),
                Duration.ofSeconds(20));
        browser = new PortalBrowser();
    }

    @AfterAll
    static void stopAll() throws Exception {
        try {
            // the accounts this test invited (the test Keycloak keeps its data between runs)
            new KeycloakAdmin(TestStack.get().realmUri(), TestStack.environment("REINTEGRA_IT_KEYCLOAK_ADMIN_PASSWORD"))
                    .deleteTestLeftovers();
        } finally {
            stopServers();
        }
    }

    private static void stopServers() {
        if (browser != null) {
            browser.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        for (PayaraMicroProcess instance : new PayaraMicroProcess[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
    }

    /**
     * A referral that arrives through the second instance shows at once in the tab counts the first
     * instance keeps (for ten minutes here): the second tells the first over the data grid.
     */
    @Test
    @Order(1)
    void aChangeOnOneInstanceIsCountedAtOnceOnTheOther() throws Exception {
        // Payara's own report of its data grid, logged as members come and go
        assertTrue(awaitLog(second, "DG Size: 2", Duration.ofSeconds(30)),
                "the second instance joined the first one's data grid");
        Page caseworker = userOn("a");
        PortalBrowser.signIn(caseworker, proxy.baseUri(), "caseworker.dana", "demo");
        int before = newCount(caseworker);

        String caseNumber = "CL-" + Long.toString(System.currentTimeMillis(), 36).toUpperCase();
        HttpResponse<String> sent = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(second.baseUri() + "api/v1/referrals"))
                .header("Authorization", "Bearer " + TestStack.get().apiToken("npa-case-system"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", caseNumber)
                .POST(HttpRequest.BodyPublishers.ofString(newPathReferral(caseNumber))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, sent.statusCode(), sent.body());

        caseworker.reload();
        caseworker.waitForFunction("n => [...document.querySelectorAll('vaadin-tab')]"
                + ".some(t => t.textContent.trim() === 'New (' + n + ')')", before + 1,
                new Page.WaitForFunctionOptions().setTimeout(15_000));
        assertEquals("a", route(caseworker));
    }

    /**
     * A partner's administrator on the first instance deactivates a colleague who works on the
     * second: the colleague's session there ends at once (told over the data grid), not at the next
     * token refresh minutes later. Their next action reloads the page into Keycloak's sign-in.
     */
    @Test
    @Order(2)
    void anAccountDeactivatedOnOneInstanceLosesItsSessionOnTheOtherAtOnce() throws Exception {
        String username = "it.cluster-" + Long.toString(System.currentTimeMillis(), 36);
        String email = username + "@justice-art.example";
        Page admin = userOn("a");
        PortalBrowser.signIn(admin, proxy.baseUri(), "admin.justice", "demo");
        admin.navigate(proxy.baseUri() + "staff");
        admin.locator("#staff-heading").waitFor();
        admin.locator("#staff-invite").click();
        admin.locator("#invite-username input").fill(username);
        admin.locator("#invite-email input").fill(email);
        admin.locator("#invite-given-name input").fill("Nana");
        admin.locator("#invite-family-name input").fill("Cluster");
        admin.locator("#invite-roles vaadin-checkbox").filter(new Locator.FilterOptions().setHasText("Caseworker")).click();
        admin.locator("#invite-send").click();
        awaitCell(admin, "#staff-grid", username);

        Page colleague = userOn("b");
        PortalBrowser.setPasswordFromMail(colleague, proxy.baseUri(), email, username, "Cluster-pass-1");
        inboxRowOrTabs(colleague);
        assertEquals("b", route(colleague));
        colleague.evaluate("() => { window.reintegraSamePage = true; }");

        admin.navigate(proxy.baseUri() + "staff"); // the list as it is now: the colleague has signed in
        awaitCell(admin, "#staff-grid", username);
        admin.locator("#staff-deactivate-" + username.replace(".", "\\.")).click();
        admin.locator("[slot='confirm-button']").click();
        admin.locator("#staff-reactivate-" + username.replace(".", "\\.")).waitFor();

        // the colleague's next action, on the second instance: their session there has ended
        colleague.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("New")).first().click();
        colleague.locator("#username").waitFor(new Locator.WaitForOptions().setTimeout(20_000));
        assertEquals(Boolean.TRUE, colleague.evaluate("() => window.reintegraSamePage === undefined"),
                "the page reloaded into sign-in");
        assertEquals(0, colleague.locator("#welcome").count());
    }

    @Test
    @Order(3)
    void peopleKeepWorkingWhenAnInstanceStops() throws Exception {

        Page officer = userOn("a");
        PortalBrowser.signIn(officer, proxy.baseUri(), "officer.nino", "demo");
        Page lawyer = userOn("b");
        PortalBrowser.signIn(lawyer, proxy.baseUri(), "lawyer.tamar", "demo");
        assertEquals("a", route(officer));
        assertEquals("b", route(lawyer));
        for (Page page : List.of(officer, lawyer)) {
            searchInbox(page);
            page.evaluate("() => { window.reintegraSamePage = true; }");
        }

        second.close();
        assertFalse(second.isRunning());

        // on the instance that still runs: working on as before, on the same page (no reload)
        inboxRow(officer).click();
        officer.locator("#referral-status").waitFor();
        assertTrue(officer.locator("#referral-facts").innerText().contains(CLIENT));
        assertEquals(Boolean.TRUE, officer.evaluate("() => window.reintegraSamePage === true"),
                "the officer's page was not reloaded");
        assertEquals("a", route(officer));

        // on the stopped instance: the next action reloads the page on the other instance, signed in
        // through single sign-on at the same address, and the work goes on there
        inboxRow(lawyer).click();
        lawyer.waitForFunction("() => window.reintegraSamePage === undefined"
                + " && document.querySelector('#referral-inbox') !== null", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        assertTrue(lawyer.url().startsWith(proxy.baseUri()), "back in the portal, not on a sign-in form: " + lawyer.url());
        assertEquals(0, lawyer.locator("#username").count(), "no sign-in form was shown");
        assertEquals("a", route(lawyer), "the lawyer is now served by the instance that runs");
        assertTrue(lawyer.locator("#signed-in-as").innerText().contains("Justice & Art NGO"));
        searchInbox(lawyer);
        inboxRow(lawyer).click();
        lawyer.locator("#referral-status").waitFor();
        assertTrue(lawyer.locator("#referral-facts").innerText().contains(CLIENT));

        // a page opened on the stopped instance comes back at its own address after sign-in (the
        // browser reports the address Vaadin's navigation pushed a moment after the page shows)
        lawyer.waitForURL(Pattern.compile(".*/referrals/\\d+$"));
        String address = lawyer.url();
        Page reopened = userOn("b");
        reopened.navigate(address);
        reopened.locator("#username").fill("lawyer.tamar");
        reopened.locator("#kc-login").click();
        reopened.locator("#password").fill("demo");
        reopened.locator("#kc-login").click();
        reopened.locator("#referral-status").waitFor();
        reopened.waitForURL(address);
        assertEquals(address, reopened.url());
        assertEquals("a", route(reopened));
    }

    private static void inboxRowOrTabs(Page page) {
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("New")).first().waitFor();
    }

    /** Waits until a cell of the grid shows the text (the grid loads its rows lazily). */
    private static void awaitCell(Page page, String grid, String text) {
        page.waitForFunction("([grid, text]) => [...document.querySelectorAll(grid + ' vaadin-grid-cell-content')]"
                + ".some(c => c.innerText.includes(text))", List.of(grid, text));
    }

    /** The number in the inbox's "New (n)" tab. */
    private static int newCount(Page page) {
        Locator tab = page.locator("vaadin-tab").filter(new Locator.FilterOptions()
                .setHasText(Pattern.compile("^\\s*New \\(\\d+\\)\\s*$")));
        tab.first().waitFor();
        Matcher number = Pattern.compile("\\((\\d+)\\)").matcher(tab.first().innerText());
        assertTrue(number.find());
        return Integer.parseInt(number.group(1));
    }

    private static String newPathReferral(String caseNumber) {
        return "{\"client\":{\"caseNumber\":\"" + caseNumber + "\",\"givenName\":\"Cluster\",\"familyName\":\"Client "
                + caseNumber + "\",\"dateOfBirth\":\"1990-01-01\",\"sex\":\"MALE\",\"preferredLanguage\":\"ru\"},"
                + "\"partner\":\"new-path-ngo\",\"programmeArea\":\"OVERCOMING_ADDICTIONS\","
                + "\"serviceType\":\"ADDICTION_PROGRAMME\",\"reasonForReferral\":\"Sent through the second instance\","
                + "\"desiredOutcomes\":[\"RELAPSE_PREVENTION_PLAN\"],\"custodyStatus\":\"IN_COMMUNITY\","
                + "\"completionDeadline\":\"" + LocalDate.now().plusMonths(6) + "\",\"legalBasis\":\"PROBATION_CONDITION\","
                + "\"sendingOffice\":\"Tbilisi probation office\"}";
    }

    /**
     * Searches the inbox for the demo client and waits until the search has answered: the "All"
     * tab counts the matches and the grid shows that many rows of the client. The grid draws only
     * the rows in view, so without the search the client's row could be below the fold when other
     * tests' referrals come first.
     */
    private static void searchInbox(Page page) {
        page.locator("#inbox-search input").fill(CLIENT);
        Pattern counted = Pattern.compile("\\((\\d+)\\)");
        long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (true) {
            Matcher all = counted.matcher(page.locator("#inbox-view-all").innerText());
            int matches = all.find() ? Integer.parseInt(all.group(1)) : -1;
            if (matches >= 1 && inboxRows(page).count() == matches) {
                return;
            }
            assertTrue(System.nanoTime() < until, "the inbox's search did not answer: " + matches + " counted");
            page.waitForTimeout(200);
        }
    }

    private static Locator inboxRow(Page page) {
        return inboxRows(page).first();
    }

    /** The client's cells in the rows the grid shows (it keeps rows it no longer uses, hidden). */
    private static Locator inboxRows(Page page) {
        return page.locator("#referral-inbox vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(CLIENT).setVisible(true));
    }

    /** A new browser whose first request goes to the instance of {@code route}, as if nginx had chosen it. */
    private static Page userOn(String route) {
        Page page = browser.newUser();
        page.context().addCookies(List.of(new Cookie(NginxProxy.ROUTE_COOKIE, route)
                .setDomain("127.0.0.1").setPath("/").setHttpOnly(true)));
        return page;
    }

    private static String route(Page page) {
        return page.context().cookies(proxy.baseUri()).stream()
                .filter(c -> c.name.equals(NginxProxy.ROUTE_COOKIE)).map(c -> c.value).findFirst().orElse("");
    }

    private static PayaraMicroProcess.Settings settings(String name, Path work, int httpPort, int gridPort,
                                                        int otherGridPort, Map<String, String> environment) {
        return new PayaraMicroProcess.Settings(Path.of(TestStack.setting("payara.microJar")),
                Path.of(TestStack.setting("reintegra.it.portal-war")), work, httpPort, gridPort, List.of(otherGridPort),
                name, false, "768m", "", environment, work.resolve("payara.log"));
    }

    private static boolean awaitLog(PayaraMicroProcess instance, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(instance.settings().logFile()).contains(text)) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }

    private static int port(String name) {
        return Integer.parseInt(TestStack.setting(name));
    }
}
