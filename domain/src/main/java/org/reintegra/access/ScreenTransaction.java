package org.reintegra.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.function.Supplier;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * One transaction around what a screen reads from several feature services when it opens. Each
 * service still checks its caller, finds foreign records missing and audits what it shows, in
 * this transaction; joined, the reads take one connection, one tenant setting, one persistence
 * context and one commit, where each would begin and commit its own (a referral's page read from
 * six services: docs/benchmarks.md, stop 26; ADR 0016). A transaction serves one tenant, so a
 * read for another inside it is refused ({@link org.reintegra.tenancy.TenantBoundInterceptor}).
 *
 * <p>For reads shown together only: a command runs in its own service's transaction, so that
 * what it changed is committed, or not, by itself.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ScreenTransaction {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    /**
     * Runs the reads (calls to feature services) in one transaction and returns what they give.
     * What the reads write is their audit rows, which none of them reads back, so the transaction's
     * persistence context writes them at the commit, together, instead of before each later query
     * (a query flushes what is pending first, by default).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public <T> T read(Supplier<T> reads) {
        entityManager.setFlushMode(FlushModeType.COMMIT);
        return reads.get();
    }
}
