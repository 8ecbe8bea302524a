/**
 * Notifications of what happens to a referral: written in the same transaction as the change,
 * shown in the portal's bell, and mailed through a transactional outbox (immediately or as a daily
 * digest, as each person chose).
 */
package org.reintegra.notification;
