package org.reintegra.staffaccess;

/** Where an account stands. */
public enum StaffStatus {
    /** Can sign in. */
    ACTIVE,
    /** Invited: has not set a password yet. */
    INVITED,
    /** Deactivated: cannot sign in. */
    DEACTIVATED
}
