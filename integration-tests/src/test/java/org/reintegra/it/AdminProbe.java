package org.reintegra.it;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.audit.AuditCount;
import org.reintegra.audit.AuditQuery;
import org.reintegra.audit.AuditViewer;
import org.reintegra.staffaccess.StaffAccessService;
import org.reintegra.staffaccess.StaffAccount;
import org.reintegra.staffaccess.StaffAccountNotFound;
import org.reintegra.staffaccess.StaffInvitation;
import org.reintegra.staffaccess.StaffStatus;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

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

    @EJB
    AuditViewer auditViewer;

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    EntityManager entityManager;

    @Resource
    SessionContext sessionContext;

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

    /**
     * The audit viewer's count of the last week after {@code extra} more entries of the bound tenant
     * were written in the same transaction, which is then rolled back: nothing stays.
     */
    @TenantBound
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AuditCount auditCountWith(int extra) {
        entityManager.createNativeQuery("INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action, fields, purpose)"
                + " SELECT current_setting('app.tenant_id'), nextval('audit_event_id_seq'), now(), 'it.bulk', 'READ', 'it', 'it'"
                + " FROM generate_series(1, ?1)").setParameter(1, extra).executeUpdate();
        // the trail's days are UTC days
        AuditCount count = auditViewer.count(AuditQuery.lastWeek(LocalDate.now(ZoneOffset.UTC)));
        sessionContext.setRollbackOnly();
        return count;
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
