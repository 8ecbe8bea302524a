/** The audit viewer screen. */
package org.reintegra.audit.ui;
