package org.reintegra.outcome;

/** How far a desired outcome was reached. */
public enum OutcomeRating {
    ACHIEVED,
    PARTLY_ACHIEVED,
    NOT_ACHIEVED
}
