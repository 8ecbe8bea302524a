package org.reintegra.catalogue;

import org.reintegra.referral.CustodyStatus;

/** Whom a service is for: people in custody, in the community, or both. */
public enum ServedCustody {
    IN_CUSTODY,
    IN_COMMUNITY,
    BOTH;

    public boolean serves(CustodyStatus status) {
        return status == null || this == BOTH || name().equals(status.name());
    }
}
