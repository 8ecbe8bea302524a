package org.reintegra.delivery;

/** One client's part of a session: their referral, attendance, absence reason, note and concern. */
public record ClientAttendance(long referralId, Attendance attendance, AbsenceReason absenceReason, String notes,
                               boolean concern) {
}
