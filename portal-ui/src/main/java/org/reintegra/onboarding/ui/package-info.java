/** The platform operator's "Onboard organisations" screen. */
package org.reintegra.onboarding.ui;
