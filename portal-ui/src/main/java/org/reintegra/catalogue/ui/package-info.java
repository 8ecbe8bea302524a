/** Screens of the service catalogue: a partner's own entries, and the directory of all partners. */
package org.reintegra.catalogue.ui;
