package org.reintegra.portal.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Keycloak returns the browser here after sign-in; the OpenID Connect mechanism has already
 * exchanged the code and signed the user in by the time this runs. It sends the browser on to the
 * page it had opened when it was sent to sign in ({@link SessionReentry}), else to the start page,
 * leaving the one-time code and state off the address bar and out of the history.
 */
@WebServlet("/callback")
public class SignInCallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String address = SessionReentry.takeAddress(request, response).orElse("/");
        response.sendRedirect(request.getContextPath() + address);
    }
}
