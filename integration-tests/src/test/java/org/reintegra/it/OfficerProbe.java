package org.reintegra.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.reintegra.access.Roles;
import org.reintegra.access.ScreenTransaction;
import org.reintegra.intake.IntakeTransaction;
import org.reintegra.referral.ReferralDetails;
import org.reintegra.referral.ReferralService;
import org.reintegra.tenancy.TenantBinding;
import org.reintegra.tenancy.TenantId;

/**
 * In-container tests only: runs work in the intake API's transaction as an agency officer's
 * system would, and reads as a screen does (run-as the officer role, principal "it.officer" in the
 * test deployment's role mapping), outside any transaction of its own.
 */
@Stateless
@PermitAll
@RunAs(Roles.AGENCY_OFFICER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfficerProbe {

    @EJB
    IntakeTransaction intake;

    @EJB
    IsolationProbe probe;

    /** The tenant setting and the plan choice inside the intake API's transaction. */
    public List<String> tenantAndPlanChoiceInTheIntakeTransaction() {
        return intake.run(probe::tenantAndPlanChoiceOfTheCallersTransaction);
    }

    @EJB
    ScreenTransaction screen;

    @EJB
    ReferralService referrals;

    /** A referral's reference as a screen reads it, in one screen transaction, or "missing". */
    public String referralReadOnAScreen(long referralId) {
        return screen.read(() -> referrals.findReferral(referralId).map(ReferralDetails::reference).orElse("missing"));
    }

    /**
     * Reads a referral for the caller's tenant, then for another tenant, inside one screen
     * transaction; what the second read found, if it was not refused.
     */
    public String referralReadForAnotherTenantInside(TenantId other, long referralId) {
        return screen.read(() -> {
            referrals.findReferral(referralId);
            String[] found = {"not read"};
            TenantBinding.runAs(other, () -> found[0] = referrals.findReferral(referralId)
                    .map(ReferralDetails::reference).orElse("missing"));
            return found[0];
        });
    }
}
