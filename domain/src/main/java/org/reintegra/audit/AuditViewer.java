package org.reintegra.audit;

import static org.reintegra.persistence.SqlValues.instant;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.persistence.LikePattern;
import org.reintegra.persistence.NativeConditions;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * The audit viewer. A partner's admin reads its own organisation's trail; an agency's liaison
 * officer reads its agency's trail and, for the referrals the agency sent, what partners' staff
 * did with them (row-level security lets the agency read those rows, schemas V11 and V19, ADR
 * 0020). Filters: period, user, client. Reading the trail shows clients' names, so it is audited
 * itself (one row per client on the page).
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class AuditViewer {

    static final int MAX_PAGE = 200;

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    /** Whether the caller may read a trail at all (a liaison officer in an agency, an admin in a partner). */
    public boolean available() {
        return agency() != null;
    }

    /**
     * How many entries match, counted up to {@link AuditTrailSql#COUNT_LIMIT}: an exact count of a
     * national agency's month (millions of entries) took seconds (docs/benchmarks.md "The audit trail
     * at volume").
     */
    public AuditCount count(AuditQuery query) {
        Trail trail = trail(query.checked());
        Query count = entityManager.createNativeQuery(AuditTrailSql.countSql(trail.parts()));
        trail.parameters().bind(count);
        long entries = ((Number) count.getSingleResult()).longValue();
        return entries > AuditTrailSql.COUNT_LIMIT
                ? new AuditCount(AuditTrailSql.COUNT_LIMIT, true)
                : new AuditCount(entries, false);
    }

    /** A page of the trail, newest first. */
    public List<AuditEntry> page(AuditQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range");
        }
        Trail trail = trail(query.checked());
        Query select = entityManager.createNativeQuery(AuditTrailSql.pageSql(trail.parts(), offset, limit));
        trail.parameters().bind(select);
        List<AuditEntry> entries = new ArrayList<>();
        Set<Long> clients = new LinkedHashSet<>();
        for (Object result : select.getResultList()) {
            Object[] c = (Object[]) result;
            entries.add(new AuditEntry(((Number) c[0]).longValue(), instant(c[1]), (String) c[2], (String) c[3],
                    AuditAction.valueOf((String) c[4]), (String) c[5], (String) c[6], (String) c[7], (String) c[8]));
            if (c[9] != null && c[6] != null) {
                clients.add(((Number) c[9]).longValue());
            }
        }
        Actor actor = signedInActor.actor();
        for (Long client : clients) {
            auditTrail.record(actor, AuditAction.LIST, null, client, "audit trail", "audit viewer");
        }
        return entries;
    }

    /** The caller's trail: its parts (AuditTrailSql) and their parameters. */
    private record Trail(AuditTrailSql.Parts parts, NativeConditions parameters) {
    }

    private Trail trail(AuditQuery query) {
        Boolean agency = agency();
        if (agency == null) {
            throw new jakarta.ejb.EJBAccessException("no audit trail for this caller");
        }
        String tenantId = signedInActor.actor().tenant().value();
        NativeConditions filters = new NativeConditions();
        int tenant = filters.parameter(tenantId);
        filters.and("a.occurred_at >= ?", Timestamp.from(query.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        filters.and("a.occurred_at < ?", Timestamp.from(query.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        if (query.actor() != null && !query.actor().isBlank()) {
            filters.and("a.actor = ?", query.actor().strip());
        }
        int clientPattern = 0;
        boolean rare = false;
        if (query.client() != null && !query.client().isBlank()) {
            String pattern = LikePattern.containing(query.client());
            clientPattern = filters.parameter(pattern);
            Number matches = (Number) entityManager.createNativeQuery(AuditTrailSql.MATCHES_SQL)
                    .setParameter(1, pattern).setParameter(2, tenantId).getSingleResult();
            rare = matches.longValue() <= AuditTrailSql.RARE_MATCHES;
        }
        return new Trail(AuditTrailSql.parts(agency, tenant, filters.sql(), clientPattern, rare), filters);
    }

    /** true for an agency's liaison officer, false for a partner's admin, null for anyone else. */
    private Boolean agency() {
        return org.reintegra.performance.PerformanceSide.of(entityManager, signedInActor.actor(),
                sessionContext::isCallerInRole).map(side -> side == org.reintegra.performance.PerformanceSide.AGENCY)
                .orElse(null);
    }
}
