/**
 * The staff of each organisation as the portal knows them from their sign-ins (accounts live in
 * Keycloak): name, e-mail, roles and how they want to be notified.
 */
package org.reintegra.staff;
