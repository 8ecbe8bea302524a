package org.reintegra.notification;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.reintegra.referral.ReferralChanged;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Writes the notification of a referral change in the change's own transaction (MANDATORY): the
 * change and its notification commit together or not at all. The mail outbox picks it up later.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class NotificationWriter {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    public void on(@Observes ReferralChanged change) {
        entityManager.persist(new Notification(change.agency(), change.partner(), change.referralId(), change.reference(),
                change.notice().recipientSide(), change.notice().recipient(), change.notice().event(),
                change.notice().causedBy(), change.at()));
    }
}
