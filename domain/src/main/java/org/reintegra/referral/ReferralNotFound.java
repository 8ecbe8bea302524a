package org.reintegra.referral;

import jakarta.ejb.ApplicationException;

/** No referral with that id is shared with the caller's organisation (missing and foreign look alike). */
@ApplicationException(rollback = true)
public class ReferralNotFound extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReferralNotFound() {
        super("Referral not found");
    }
}
