/**
 * Sign-in through Keycloak (OpenID Connect, Jakarta Security), the caller's tenant taken from the
 * organisation claim of the ID token, and sign-out that ends the Keycloak session too.
 */
package org.reintegra.portal.security;
