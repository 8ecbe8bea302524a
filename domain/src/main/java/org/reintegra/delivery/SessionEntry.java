package org.reintegra.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import org.reintegra.referral.ServiceType;

/** A session as the referral page lists it. */
public record SessionEntry(long id, LocalDate date, LocalTime startTime, int durationMinutes, SessionFormat format,
                           ServiceType serviceType, String deliveredBy, Attendance attendance,
                           AbsenceReason absenceReason, String notes, boolean concern, Long rescheduledFrom,
                           long version) {
}
