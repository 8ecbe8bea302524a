package org.reintegra.delivery;

/** An individual session, or one client's place in a group session. */
public enum SessionFormat {
    INDIVIDUAL,
    GROUP
}
