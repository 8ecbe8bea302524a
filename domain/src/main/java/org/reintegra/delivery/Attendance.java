package org.reintegra.delivery;

/** How a client attended a session; PLANNED until recorded, RESCHEDULED when moved (kept as history). */
public enum Attendance {
    PLANNED,
    ATTENDED,
    LATE,
    DID_NOT_ATTEND,
    RESCHEDULED;

    /** Whether the service was delivered (the client was there). */
    public boolean delivered() {
        return this == ATTENDED || this == LATE;
    }

    /** The outcomes staff record for a session that took place. */
    public boolean recorded() {
        return this == ATTENDED || this == LATE || this == DID_NOT_ATTEND;
    }
}
