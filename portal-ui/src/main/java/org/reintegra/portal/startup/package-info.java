/** What runs when the portal starts: schema migration as the owner role, then demo data if configured. */
package org.reintegra.portal.startup;
