/** The database schema: Flyway migrations run by the owner role, never by the application role. */
package org.reintegra.schema;
