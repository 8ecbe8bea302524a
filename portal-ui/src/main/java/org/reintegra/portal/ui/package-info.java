/** The shell around the feature views: layout, home screen, not-found page, navigation access control. */
package org.reintegra.portal.ui;
