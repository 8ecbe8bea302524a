/**
 * The local stack: everything the portal needs on one machine, started by one command and stopped
 * by Ctrl-C. An embedded PostgreSQL 15 (or an external database), a Keycloak server unpacked from
 * Maven Central's distribution, and Payara Micro serving the portal, all on 127.0.0.1. The
 * integration tests use the same classes.
 */
package org.reintegra.devstack;
