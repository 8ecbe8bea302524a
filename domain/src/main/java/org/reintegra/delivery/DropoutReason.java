package org.reintegra.delivery;

/** Why an enrolled client left the course before its end. */
public enum DropoutReason {
    POOR_ATTENDANCE,
    MOVED,
    FOUND_WORK,
    RETURNED_TO_CUSTODY,
    HEALTH,
    OTHER
}
