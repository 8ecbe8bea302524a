package org.reintegra.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import org.reintegra.access.Roles;
import org.reintegra.intake.IntakeTransaction;

/**
 * In-container tests only: runs work in the intake API's transaction as an agency officer's
 * system would (run-as the officer role, principal "it.officer" in the test deployment's role
 * mapping), outside any transaction of its own.
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
}
