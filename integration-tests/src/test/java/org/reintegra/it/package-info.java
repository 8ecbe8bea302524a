/**
 * Integration tests against real parts: PostgreSQL, Keycloak, Payara Micro (through Arquillian)
 * and Chromium. {@link org.reintegra.it.TestStack} starts the database and Keycloak once per run.
 */
package org.reintegra.it;
