package org.reintegra.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.reintegra.portal.i18n.PortalTranslations;

/**
 * The page a new visitor gets while Keycloak cannot be reached: 503, in their browser's language,
 * saying that signing in is unavailable for now; it reloads itself every 20 seconds, so it turns
 * into the sign-in page by itself when Keycloak is back.
 */
final class SignInUnavailablePage {

    static final int RETRY_SECONDS = 20;

    private SignInUnavailablePage() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response) {
        Locale locale = PortalTranslations.LOCALES.stream()
                .filter(l -> l.getLanguage().equals(request.getLocale().getLanguage())).findFirst().orElse(Locale.ENGLISH);
        PortalTranslations translations = new PortalTranslations();
        String title = escape(translations.getTranslation("sign-in-unavailable.title", locale));
        String text = escape(translations.getTranslation("sign-in-unavailable.text", locale));
        String retry = escape(translations.getTranslation("sign-in-unavailable.retry", locale, RETRY_SECONDS));
        try {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(RETRY_SECONDS));
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
                    + "<meta http-equiv=\"refresh\" content=\"" + RETRY_SECONDS + "\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                    + "<title>" + title + "</title></head><body style=\"font-family: sans-serif; max-width: 40rem;"
                    + " margin: 4rem auto; padding: 0 1rem; line-height: 1.5\"><main id=\"sign-in-unavailable\">"
                    + "<h1>" + title + "</h1><p>" + text + "</p><p>" + retry + "</p></main></body></html>");
            response.flushBuffer();
        } catch (IOException clientGone) {
            // nothing more to tell
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
