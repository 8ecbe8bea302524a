package org.reintegra.referral;

import jakarta.ejb.ApplicationException;

/**
 * Somebody else changed the referral after the caller loaded it; nothing was changed. The caller
 * should look at the current version and decide again.
 */
@ApplicationException(rollback = true)
public class ReferralChangedMeanwhile extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReferralChangedMeanwhile() {
        super("The referral was changed by someone else in the meantime");
    }
}
