package org.reintegra.intake;

import jakarta.ejb.Stateless;
import java.util.function.Supplier;
import org.reintegra.tenancy.TenantBound;

/** Runs one API call's work in one transaction for the caller's tenant. */
@Stateless
@jakarta.annotation.security.RolesAllowed(org.reintegra.access.Roles.AGENCY_OFFICER)
@TenantBound
public class IntakeTransaction {

    public <T> T run(Supplier<T> work) {
        return work.get();
    }
}
