package org.reintegra.portal.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;
import org.reintegra.access.Roles;

/**
 * The portal signs users in through Keycloak. Realm roles arrive in the {@code groups} claim and
 * map one to one onto the roles declared here; the organisation arrives in the
 * {@code organization} claim (see {@link OrganisationClaim}).
 *
 * <p>Sessions follow Keycloak: expired tokens are refreshed with the refresh token, and a refresh
 * that Keycloak refuses (user disabled, signed out elsewhere, session ended by an admin) signs the
 * user out of the portal, within one access-token lifetime (5 minutes in the realm). A user removed
 * from the organisation gets a token without it at the next refresh, and so no tenant.
 *
 * <p>{@code redirectToOriginalResource} stays off: Payara's replay of the original request hands
 * Vaadin a request whose parameter map is null (NullPointerException in Soteria's
 * RequestData). {@link SignInCallbackServlet} sends the signed-in user to the start page instead.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = false,
        scope = {"openid", "email", "profile", "organization"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"),
        tokenAutoRefresh = true,
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/",
                accessTokenExpiry = true, identityTokenExpiry = true))
@DeclareRoles({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.AGENCY_ADMIN, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN,
        Roles.COLLEGE_REGISTRAR, Roles.PLATFORM_ADMIN})
@ApplicationScoped
public class PortalSecurity {
}
