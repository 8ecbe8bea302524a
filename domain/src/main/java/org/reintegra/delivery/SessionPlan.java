package org.reintegra.delivery;

import java.time.LocalDate;
import java.time.LocalTime;
import org.reintegra.referral.ServiceType;

/** When and what: the part of a session that every client of a group session shares. */
public record SessionPlan(LocalDate date, LocalTime startTime, int durationMinutes, ServiceType serviceType) {
}
