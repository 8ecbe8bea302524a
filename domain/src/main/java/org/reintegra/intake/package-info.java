/**
 * What the intake API for an agency's own case-management system needs besides the referral
 * services: idempotency records of its state-changing calls.
 */
package org.reintegra.intake;
