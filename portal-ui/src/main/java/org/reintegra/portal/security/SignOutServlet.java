package org.reintegra.portal.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Signs the user out of the portal and of Keycloak: ends the local session, then sends the browser
 * to Keycloak's logout endpoint with the ID token as hint, which returns it to the portal's start
 * page (and so to the login page).
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OpenIdContext openIdContext;

    @Inject
    transient OidcSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String idToken = null;
        try {
            if (openIdContext.getIdentityToken() != null) {
                idToken = openIdContext.getIdentityToken().getToken();
            }
        } catch (RuntimeException notSignedIn) {
            idToken = null;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        String portal = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/";
        StringBuilder logout = new StringBuilder(settings.endSessionEndpoint())
                .append("?client_id=").append(encode(settings.getClientId()))
                .append("&post_logout_redirect_uri=").append(encode(portal));
        if (idToken != null) {
            logout.append("&id_token_hint=").append(encode(idToken));
        }
        response.sendRedirect(logout.toString());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        doGet(request, response);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
