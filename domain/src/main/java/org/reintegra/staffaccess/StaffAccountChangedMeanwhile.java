package org.reintegra.staffaccess;

import jakarta.ejb.ApplicationException;

/**
 * The account's roles or state are not what the administrator saw: somebody changed them meanwhile.
 * Nothing was changed; the screen shows the current state.
 */
@ApplicationException(rollback = true)
public class StaffAccountChangedMeanwhile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient StaffAccount current;

    public StaffAccountChangedMeanwhile(StaffAccount current) {
        super("Staff account changed meanwhile");
        this.current = current;
    }

    public StaffAccount current() {
        return current;
    }
}
