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
        return context.newPage();
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

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
