package org.reintegra.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import org.reintegra.access.Actor;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Writes audit rows. It joins the caller's transaction and refuses to run without one, so an
 * access and its audit row commit or roll back together.
 */
@Stateless
@TenantBound
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    private final Clock clock = Clock.systemUTC();

    public void record(Actor actor, AuditAction action, Long referralId, Long clientId, String fields, String purpose) {
        entityManager.persist(new AuditEvent(clock.instant(), actor.username(), action, referralId, clientId, fields, purpose));
    }
}
