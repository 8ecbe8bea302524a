/** Who may do what: the roles of the portal and the signed-in actor passed to aggregates. */
package org.reintegra.access;
