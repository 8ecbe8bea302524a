/**
 * MicroProfile Health checks: ready when the database and Keycloak answer, live while the portal
 * serves. They report names and states only, never data.
 */
package org.reintegra.portal.health;
