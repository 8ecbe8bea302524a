package org.reintegra.notification;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import org.reintegra.referral.ReferralChanged;
import org.reintegra.referral.ReferralSide;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantId;

/**
 * Writes the notification of a referral change in the change's own transaction (MANDATORY): the
 * change and its notification commit together or not at all. When the transaction commits, the
 * recipient's tenant is marked as having mail work ({@link MailWork}), so the mail job's next round
 * picks the notification up. {@link ReferralChangeListener} hands it the changes.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class NotificationWriter {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    private MailWork mailWork;

    public void write(ReferralChanged change) {
        entityManager.persist(new Notification(change.agency(), change.partner(), change.referralId(), change.reference(),
                change.notice().recipientSide(), change.notice().recipient(), change.notice().event(),
                change.notice().causedBy(), change.at()));
        TenantId recipientTenant = change.notice().recipientSide() == ReferralSide.AGENCY ? change.agency() : change.partner();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    mailWork.due(recipientTenant, Instant.now());
                }
            }
        });
    }
}
