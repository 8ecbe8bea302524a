package org.reintegra.delivery;

/** A proposed action plan: waiting for the agency, approved, returned with comments, or replaced by a newer version. */
public enum ActionPlanStatus {
    SUBMITTED,
    APPROVED,
    RETURNED,
    SUPERSEDED
}
