/** The people an agency refers: identity and contact, owned by the agency's tenant. */
package org.reintegra.client;
