package org.reintegra.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, one fresh browser context per simulated user, signing in
 * through the real Keycloak login form (two steps: user name, then password).
 */
final class PortalBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("reintegra.it.chromium", "/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;
    /** The users' browsers opened since the last {@link #closeUsers()}. */
    private final List<BrowserContext> users = new java.util.ArrayList<>();

    PortalBrowser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** A new user's browser (no cookies), showing English. */
    Page newUser() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setLocale("en-GB"));
        context.setDefaultTimeout(30_000);
        users.add(context);
        return context.newPage();
    }

    /**
     * Closes every user's browser opened since the last call, so that pages left open by earlier
     * tests (each polling the portal for notifications and keeping a Vaadin session alive) do not
     * load the server and the browser for the rest of the run.
     */
    void closeUsers() {
        for (BrowserContext context : users) {
            try {
                context.close();
            } catch (RuntimeException alreadyGone) {
                // the browser closed it already
            }
        }
        users.clear();
    }

    /**
     * What each open page shows (address and the start of its text), for a failure message: a
     * locator that timed out says what it waited for, this says what was there instead.
     */
    String describeOpenPages() {
        StringBuilder shown = new StringBuilder();
        for (BrowserContext context : users) {
            for (Page page : context.pages()) {
                shown.append("\n- ").append(page.url()).append(": ");
                try {
                    Object text = page.evaluate("() => document.body ? document.body.innerText : ''");
                    String flat = String.valueOf(text).replaceAll("\\s+", " ").trim();
                    shown.append(flat, 0, Math.min(flat.length(), 400));
                } catch (RuntimeException unreadable) {
                    shown.append("(unreadable: ").append(unreadable.getMessage().lines().findFirst().orElse("")).append(')');
                }
            }
        }
        return shown.length() == 0 ? " none" : shown.toString();
    }

    /** Opens the portal and signs in on Keycloak's login form; returns once the home screen shows. */
    static void signIn(Page page, String portal, String username, String password) {
        page.navigate(portal);
        page.locator("#username").fill(username);
        page.locator("#kc-login").click();
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.locator("#welcome").waitFor();
    }

    /**
     * An invited account's first sign-in: the link of Keycloak's set-password mail, the new
     * password, then the portal at {@code portal} (signing in if Keycloak asks).
     */
    static void setPasswordFromMail(Page page, String portal, String email, String username, String password)
            throws Exception {
        if (!TestStack.get().awaitMail(email, "Update", java.time.Duration.ofSeconds(30))) {
            throw new AssertionError("the set-password mail to " + email + " did not arrive");
        }
        jakarta.mail.internet.MimeMessage mail = TestStack.get().mailTo(email, "Update").get(0);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        mail.writeTo(raw);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://[^\\s\"<>]+/login-actions/action-token\\?key=[A-Za-z0-9._-]+")
                .matcher(raw.toString(java.nio.charset.StandardCharsets.UTF_8));
        if (!link.find()) {
            throw new AssertionError("the set-password mail carries no link");
        }
        page.navigate(link.group());
        // Keycloak first names the action to perform, with a link to go on
        com.microsoft.playwright.Locator proceed = page.locator("#kc-info-message a, a:has-text('proceed')");
        page.locator("#password-new").or(proceed).first().waitFor();
        if (page.locator("#password-new").count() == 0) {
            proceed.first().click();
        }
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("input[type=submit], button[type=submit]").first().click();
        page.waitForLoadState();
        page.navigate(portal);
        page.locator("#welcome, #username").first().waitFor();
        if (page.locator("#username").count() > 0) {
            page.locator("#username").fill(username);
            page.locator("#kc-login").click();
            page.locator("#password").fill(password);
            page.locator("#kc-login").click();
            page.locator("#welcome").waitFor();
        }
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
