/**
 * What a partner delivers on an accepted referral: sessions (individual or group, with attendance
 * and concerns), college enrolments on course intakes with seats, and ID / transport card
 * milestones. The agency reads all of it on the referral.
 */
package org.reintegra.delivery;
