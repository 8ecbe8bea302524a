/** The bell: the signed-in user's notifications and how they want to receive them. */
package org.reintegra.notification.ui;
