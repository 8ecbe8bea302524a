package org.reintegra.outcome;

/** How the service ended. */
public enum Conclusion {
    COMPLETED,
    ENDED_EARLY
}
