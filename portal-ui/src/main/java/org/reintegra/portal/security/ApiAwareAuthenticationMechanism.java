package org.reintegra.portal.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The application's one authentication mechanism (Jakarta Security 3 allows one): requests under
 * {@code /api/} authenticate with a bearer access token, statelessly, per request; everything
 * else goes to the OpenID Connect mechanism of {@link PortalSecurity} (browser sign-in through
 * Keycloak). An API request without a valid token gets 401 with a problem-details body, never a
 * redirect to a login page. See ADR 0004.
 *
 * <p>It is an alternative with a priority so that CDI resolves it instead of the OpenID Connect
 * mechanism, which it looks up among the other beans of the same type and delegates to.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class ApiAwareAuthenticationMechanism implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    private static final String BEARER = "Bearer ";

    @Inject
    BeanManager beanManager;

    @Inject
    BearerTokenVerifier verifier;

    @Inject
    ApiCaller apiCaller;

    @Inject
    KeycloakAvailability keycloak;

    @Inject
    org.reintegra.portal.metrics.PortalMetrics metrics;

    @Inject
    jakarta.security.enterprise.identitystore.openid.OpenIdContext openIdContext;

    private volatile HttpAuthenticationMechanism browserMechanism;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (!isApi(request)) {
            boolean signedInSession = request.getSession(false) != null && SessionIdentity.of(openIdContext).isPresent();
            if (!signedInSession && context.isProtected()) {
                // a session that ended, or one held by an instance that stopped (ADR 0012)
                if (answeredInBackground(request, response)) {
                    return AuthenticationStatus.SEND_FAILURE;
                }
                SessionReentry.rememberAddress(request, response);
            }
            if (!keycloak.reachable()) {
                return whileKeycloakIsDown(request, response, context);
            }
            boolean signedInBefore = request.getUserPrincipal() != null;
            AuthenticationStatus status = browser().validateRequest(request, response, context);
            if (signedInBefore && status == AuthenticationStatus.SUCCESS) {
                stateTheSessionsRoles(context);
            }
            return status;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return unauthorized(response, context, "A bearer access token is required.");
        }
        Optional<BearerTokenVerifier.VerifiedCaller> caller = verifier.verify(header.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            metrics.count(org.reintegra.portal.metrics.PortalMetrics.API_TOKENS_REFUSED);
            return unauthorized(response, context, "The bearer access token is not valid for this API.");
        }
        apiCaller.authenticated(caller.get().tenant(), caller.get().clientId());
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
    }

    /**
     * A request of a signed-in session carries the roles of the session's own tokens. The OpenID
     * Connect mechanism names only the caller on such a request (it relies on the container's
     * session registration for the groups), and under load a fresh session's request now and then
     * reached the views without them: a screen refused as not found right after a good sign-in, a
     * few times in a hundred sign-ins when two sessions of one person were open (reproduced by a
     * browser probe, 1–2 in 80 page loads). The groups are now stated on every such request, from
     * the tokens of that session (refreshed ones after a refresh), as the Keycloak-down path does.
     */
    private void stateTheSessionsRoles(HttpMessageContext context) throws AuthenticationException {
        Optional<SessionIdentity> identity = SessionIdentity.of(openIdContext);
        if (identity.isEmpty() || identity.get().groups().isEmpty()) {
            return;
        }
        try {
            context.getHandler().handle(new javax.security.auth.callback.Callback[] {
                new jakarta.security.auth.message.callback.GroupPrincipalCallback(context.getClientSubject(),
                        identity.get().groups().toArray(String[]::new))});
        } catch (IOException | javax.security.auth.callback.UnsupportedCallbackException e) {
            throw new AuthenticationException("Could not state the session's roles", e);
        }
    }

    private static boolean answeredInBackground(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        try {
            return SessionReentry.answerBackgroundRequest(request, response);
        } catch (IOException clientGone) {
            throw new AuthenticationException("Could not answer a request without a session", clientGone);
        }
    }

    /**
     * Keycloak cannot be reached (ADR 0003): whoever is signed in keeps working with the identity
     * and roles of the tokens their session already holds (no refresh is possible, and none is
     * tried); a new visitor to a protected page gets a page saying sign-in is unavailable, not an
     * error. When Keycloak answers again, requests go through the OpenID Connect mechanism again.
     */
    private AuthenticationStatus whileKeycloakIsDown(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context) {
        Optional<SessionIdentity> signedIn = SessionIdentity.of(openIdContext);
        if (signedIn.isPresent()) {
            metrics.count(org.reintegra.portal.metrics.PortalMetrics.SESSIONS_KEPT);
            return context.notifyContainerAboutLogin(signedIn.get().name(), signedIn.get().groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        metrics.count(org.reintegra.portal.metrics.PortalMetrics.SIGN_IN_UNAVAILABLE);
        SignInUnavailablePage.send(request, response);
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        if (isApi(request) || !keycloak.reachable()) {
            return AuthenticationStatus.SUCCESS;
        }
        return browser().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (isApi(request)) {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        } else {
            browser().cleanSubject(request, response, context);
        }
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith(API_PATH);
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context,
                                                     String detail) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"reintegra-api\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                    + "\"detail\":\"" + detail + "\"}");
            response.flushBuffer();
        } catch (IOException clientGone) {
            // nothing more to tell
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** The OpenID Connect mechanism: the other bean of this type (looked up once, lazily). */
    private HttpAuthenticationMechanism browser() {
        HttpAuthenticationMechanism found = browserMechanism;
        if (found == null) {
            Bean<?> bean = beanManager.getBeans(HttpAuthenticationMechanism.class).stream()
                    .filter(candidate -> candidate.getBeanClass() != ApiAwareAuthenticationMechanism.class)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No OpenID Connect mechanism defined"));
            found = (HttpAuthenticationMechanism) beanManager.getReference(bean, HttpAuthenticationMechanism.class,
                    beanManager.createCreationalContext(bean));
            browserMechanism = found;
        }
        return found;
    }
}
