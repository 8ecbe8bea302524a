/** The directory of organisations (tenants): agencies and partners. Holds no personal data. */
package org.reintegra.organisation;
