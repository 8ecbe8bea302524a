/** Screens of what partners deliver: sessions (also for a whole group), enrolments and courses, cards. */
package org.reintegra.delivery.ui;
