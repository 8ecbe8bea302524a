/**
 * Mail of notifications: the SMTP transport, the texts in each person's language, and the
 * background job that drives each tenant's outbox.
 */
package org.reintegra.notification.mail;
