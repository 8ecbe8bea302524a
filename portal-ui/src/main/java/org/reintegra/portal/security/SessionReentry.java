package org.reintegra.portal.security;

import com.vaadin.flow.server.VaadinService;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * How a browser gets back into the portal when the instance it was using has no session for it: the
 * session ended, or the instance that held it stopped and the proxy sent the browser to another one
 * (ADR 0012). Without this, Vaadin's background requests were answered with a redirect to Keycloak,
 * which a script cannot follow, and the page kept trying to reconnect.
 *
 * <ul>
 *   <li>A Vaadin request of a page ({@code v-r=uidl}) is answered as Vaadin answers one of an expired
 *       session, so the page reloads itself; a heartbeat gets Vaadin's 403.</li>
 *   <li>The reload, like any page opened without a session, is sent to Keycloak; the address is kept
 *       in a short-lived cookie first, and {@link SignInCallbackServlet} returns there after sign-in.
 *       With Keycloak's single sign-on still valid, nothing is asked of the user.</li>
 * </ul>
 */
final class SessionReentry {

    static final String RETURN_COOKIE = "reintegra_return";
    private static final int RETURN_SECONDS = 600;
    private static final int LONGEST_ADDRESS = 2000;

    private SessionReentry() {
    }

    /**
     * Answers a Vaadin background request of a browser without a signed-in session on this instance;
     * {@code false} if it is no such request (left to the sign-in mechanism).
     */
    static boolean answerBackgroundRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String kind = vaadinRequestKind(request);
        if ("uidl".equals(kind)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setHeader("Cache-Control", "no-cache, no-store");
            response.setContentType("application/json; charset=UTF-8");
            response.getWriter().write(VaadinService.createSessionExpiredJSON(false));
            response.flushBuffer();
            return true;
        }
        if ("heartbeat".equals(kind)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "Session expired");
            return true;
        }
        return false;
    }

    /** Keeps the address of a page opened without a session, to return to it after sign-in. */
    static void rememberAddress(HttpServletRequest request, HttpServletResponse response) {
        if (!"GET".equals(request.getMethod()) || vaadinRequestKind(request) != null) {
            return;
        }
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/callback") || path.startsWith("/VAADIN/")) {
            return;
        }
        String address = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (isReturnAddress(address)) {
            response.addCookie(cookie(request, URLEncoder.encode(address, StandardCharsets.UTF_8), RETURN_SECONDS));
        } else if (hasReturnCookie(request)) {
            // this sign-in starts at the start page: an address kept by an abandoned one must not win
            response.addCookie(cookie(request, "", 0));
        }
    }

    /** A page to return to after sign-in: a local address, and not the sign-in's or sign-out's own. */
    static boolean isReturnAddress(String address) {
        return isLocalAddress(address) && !address.startsWith("/callback") && !address.startsWith("/signout")
                && !address.startsWith("/VAADIN/");
    }

    private static boolean hasReturnCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c -> RETURN_COOKIE.equals(c.getName()));
    }

    /** The address kept by {@link #rememberAddress}, if it is one of the portal's own; the cookie is dropped. */
    static Optional<String> takeAddress(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        Optional<String> kept = Arrays.stream(cookies).filter(c -> RETURN_COOKIE.equals(c.getName())).findFirst()
                .map(c -> {
                    try {
                        return URLDecoder.decode(c.getValue(), StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException malformed) {
                        return "";
                    }
                });
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        response.addCookie(cookie(request, "", 0));
        return kept.filter(SessionReentry::isReturnAddress);
    }

    /**
     * An address within this site: a path from its root, never another host ({@code //host},
     * {@code /\host}) nor anything a header could be split with.
     */
    static boolean isLocalAddress(String address) {
        if (address == null || address.length() < 2 || address.length() > LONGEST_ADDRESS || address.charAt(0) != '/') {
            return false;
        }
        if (address.charAt(1) == '/' || address.charAt(1) == '\\') {
            return false;
        }
        return address.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == '\\');
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(RETURN_COOKIE, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(maxAge);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    /** {@code uidl}, {@code heartbeat}, ... for Vaadin's own requests (the {@code v-r} parameter), else null. */
    private static String vaadinRequestKind(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("v-r=")) {
                return parameter.substring(4);
            }
        }
        return null;
    }
}
