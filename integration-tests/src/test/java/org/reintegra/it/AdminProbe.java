package org.reintegra.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.staffaccess.StaffAccessService;
import org.reintegra.staffaccess.StaffAccount;
import org.reintegra.staffaccess.StaffAccountNotFound;
import org.reintegra.staffaccess.StaffInvitation;
import org.reintegra.staffaccess.StaffStatus;

/**
 * In-container tests only: calls staff administration as a partner administrator would (run-as the
 * partner-admin role, principal "it.partner-admin" in the test deployment's role mapping), for the
 * tenant bound by the test. Each call answers what happened: "done", "not found", "refused", or the
 * message key of the rejection.
 */
@Stateless
@PermitAll
@RunAs(Roles.PARTNER_ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AdminProbe {

    @EJB
    StaffAccessService staff;

    public List<String> usernames() {
        return staff.accounts(null, 0, 100).stream().map(StaffAccount::username).toList();
    }

    public String account(String id) {
        return outcome(() -> staff.account(id));
    }

    public String deactivate(String id) {
        return outcome(() -> staff.deactivate(id, StaffStatus.ACTIVE));
    }

    public String reactivate(String id) {
        return outcome(() -> staff.reactivate(id));
    }

    public String resend(String id) {
        return outcome(() -> {
            staff.resendInvitation(id);
            return null;
        });
    }

    public String changeRoles(String id, Set<String> seen, Set<String> roles) {
        return outcome(() -> staff.changeRoles(id, seen, roles));
    }

    public String invite(StaffInvitation invitation) {
        return outcome(() -> staff.invite(invitation));
    }

    public String grantableRoles() {
        return outcome(() -> staff.grantableRoles());
    }

    private static String outcome(Supplier<?> call) {
        try {
            call.get();
            return "done";
        } catch (StaffAccountNotFound notFound) {
            return "not found";
        } catch (InputRejected rejected) {
            return rejected.messageKey();
        } catch (EJBAccessException refused) {
            return "refused";
        }
    }
}
