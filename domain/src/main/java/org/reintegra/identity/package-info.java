/**
 * The identity provider as the portal administers it (Keycloak's admin API through a service
 * account): organisations, accounts, their realm roles and sessions. The interface is the port;
 * the web application implements it. Onboarding and staff administration use it.
 */
package org.reintegra.identity;
