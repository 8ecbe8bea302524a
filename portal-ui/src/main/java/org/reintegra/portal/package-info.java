/** The portal application: its data source, start-up, sign-in and the shell around the feature views. */
package org.reintegra.portal;
