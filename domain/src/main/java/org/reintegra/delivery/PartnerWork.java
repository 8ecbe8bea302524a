package org.reintegra.delivery;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import org.reintegra.access.Actor;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;

/** What every delivery service does before and after the partner's work on a referral. */
final class PartnerWork {

    private PartnerWork() {
    }

    /** The referral, if the actor's organisation is its partner; missing and foreign look alike. */
    static Referral partnersReferral(EntityManager entityManager, long referralId, Actor actor) {
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null || referral.sideOf(actor) != ReferralSide.PARTNER) {
            throw new ReferralNotFound();
        }
        return referral;
    }

    /** Writes now; a concurrent change of the same rows becomes "changed meanwhile". */
    static void flush(EntityManager entityManager) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException changedByAnotherTransaction) {
            throw new ReferralChangedMeanwhile();
        }
    }
}
