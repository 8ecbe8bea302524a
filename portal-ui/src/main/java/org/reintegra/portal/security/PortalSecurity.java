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
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/"))
@DeclareRoles({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.PARTNER_ADMIN,
        Roles.COLLEGE_REGISTRAR, Roles.PLATFORM_ADMIN})
@ApplicationScoped
public class PortalSecurity {
}
