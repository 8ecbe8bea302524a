package org.reintegra.delivery;

import java.time.LocalDate;

/** A course intake with its seats, for the registrar. */
public record IntakeSummary(long intakeId, long courseId, String courseTitle, LocalDate startsOn, LocalDate endsOn,
                            int seats, int seatsTaken) {

    public int seatsFree() {
        return seats - seatsTaken;
    }
}
