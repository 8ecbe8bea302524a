package org.reintegra.delivery;

/** Why a client did not attend. */
public enum AbsenceReason {
    ILL,
    IN_CUSTODY,
    WORK_OR_STUDY,
    FAMILY,
    NO_SHOW,
    OTHER
}
