package org.reintegra.delivery;

import java.time.Instant;
import java.time.LocalDate;

/** An enrolment as screens show it. */
public record EnrolmentEntry(long id, long referralId, long intakeId, String courseTitle, LocalDate startsOn,
                             EnrolmentStatus status, String reasonCode, String reasonText, String certificateNumber,
                             String changedBy, Instant changedAt, long version) {
}
