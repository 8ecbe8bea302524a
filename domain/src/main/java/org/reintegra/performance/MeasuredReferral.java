package org.reintegra.performance;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One referral behind a figure, as the drill-down list and the export show it. The client's name
 * is there only for the agency's liaison officer (null for a partner's view).
 */
public record MeasuredReferral(long referralId, String reference, String clientName, String organisationName,
                               String programmeArea, String service, String office, String sex, String ageBand,
                               String status, Instant sentAt, Instant acceptedAt, Instant declinedAt,
                               String declineReason, LocalDate firstSessionOn, long sessionsAttended,
                               long sessionsLate, long sessionsMissed, String conclusion, String endedEarlyReason,
                               Instant concludedAt, long outcomesRated, long outcomesAchieved,
                               boolean enrolmentConfirmed, boolean enrolmentCompleted, long cardsIssued,
                               long clientId) {
}
