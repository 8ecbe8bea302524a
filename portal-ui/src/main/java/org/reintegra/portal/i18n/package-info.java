/** Translations: every user-visible string comes from the bundles in vaadin-i18n/. */
package org.reintegra.portal.i18n;
