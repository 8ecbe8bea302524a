/** The administrator's "Staff and access" screen. */
package org.reintegra.staffaccess.ui;
