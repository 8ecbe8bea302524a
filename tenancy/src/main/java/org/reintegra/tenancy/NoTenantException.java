package org.reintegra.tenancy;

import jakarta.ejb.ApplicationException;

/** Thrown when tenant-owned data is touched with no tenant known: nothing is read or written. */
@ApplicationException(rollback = true)
public class NoTenantException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoTenantException() {
        super("No tenant is set for this unit of work");
    }
}
