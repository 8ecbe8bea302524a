package org.reintegra.staffaccess;

import jakarta.ejb.ApplicationException;

/** No member of the caller's organisation has that account id (missing and foreign look alike). */
@ApplicationException(rollback = true)
public class StaffAccountNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaffAccountNotFound() {
        super("Staff account not found");
    }
}
