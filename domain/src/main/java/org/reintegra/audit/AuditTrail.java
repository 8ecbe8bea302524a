package org.reintegra.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
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

    /** One access to a client's data: a referral and its client, or either. */
    public record Access(Long referralId, Long clientId) {
    }

    /**
     * The ids a block of audit rows takes: one {@code nextval} of {@code audit_event_id_seq} hands out
     * this many (the sequence's increment, the entity's allocation size), as for EclipseLink.
     */
    static final int ID_BLOCK = 50;

    /**
     * Many accesses at once, a row each, in one statement: a page of a list shows up to hundreds of
     * clients, and fifty inserts through the entity cost a page 3 to 4 ms (docs/benchmarks.md). Each row
     * is the same as {@link #record} writes; row-level security checks the organisation of every row.
     */
    private static final String INSERT_MANY = """
            WITH accessed AS (
                SELECT a.referral_id, a.client_id, a.n - 1 AS i
                  FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[])) WITH ORDINALITY AS a(referral_id, client_id, n)),
            blocks AS (
                SELECT b, nextval('audit_event_id_seq') AS first_id
                  FROM generate_series(0, (SELECT (count(*) - 1) / %1$d FROM accessed)) AS b)
            INSERT INTO audit_event (tenant_id, id, occurred_at, actor, action, referral_id, client_id, fields, purpose)
            SELECT ?, blocks.first_id + accessed.i %% %1$d, ?, ?, ?, accessed.referral_id, accessed.client_id, ?, ?
              FROM accessed JOIN blocks ON blocks.b = accessed.i / %1$d""".formatted(ID_BLOCK);

    public void record(Actor actor, AuditAction action, Long referralId, Long clientId, String fields, String purpose) {
        entityManager.persist(new AuditEvent(clock.instant(), actor.username(), action, referralId, clientId, fields, purpose));
    }

    /** Records each access as {@link #record} does, with one statement for all of them. */
    public void recordAll(Actor actor, AuditAction action, List<Access> accesses, String fields, String purpose) {
        if (accesses.isEmpty()) {
            return;
        }
        if (accesses.size() == 1) {
            Access only = accesses.get(0);
            record(actor, action, only.referralId(), only.clientId(), fields, purpose);
            return;
        }
        int written = entityManager.createNativeQuery(INSERT_MANY)
                .setParameter(1, array(accesses.stream().map(Access::referralId).toList()))
                .setParameter(2, array(accesses.stream().map(Access::clientId).toList()))
                .setParameter(3, actor.tenant().value())
                .setParameter(4, clock.instant().atOffset(java.time.ZoneOffset.UTC))
                .setParameter(5, actor.username())
                .setParameter(6, action.name())
                .setParameter(7, fields)
                .setParameter(8, purpose)
                .executeUpdate();
        if (written != accesses.size()) {
            throw new IllegalStateException("audit rows written: " + written + " of " + accesses.size());
        }
    }

    /** A PostgreSQL array literal of ids ({@code {1,NULL,3}}). */
    static String array(List<Long> ids) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append(ids.get(i) == null ? "NULL" : Long.toString(ids.get(i)));
        }
        return literal.append('}').toString();
    }
}
