/**
 * The identity provider's admin API as the portal uses it: {@link
 * org.reintegra.portal.identity.KeycloakIdentityAdministration} implements the domain's
 * {@link org.reintegra.identity.IdentityAdministration} over Keycloak's REST admin API with the
 * {@code reintegra-admin} service account (client credentials from configuration).
 */
package org.reintegra.portal.identity;
