package org.reintegra.performance;

import static org.reintegra.persistence.SqlValues.date;
import static org.reintegra.persistence.SqlValues.decimal;
import static org.reintegra.persistence.SqlValues.instant;
import static org.reintegra.persistence.SqlValues.number;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.client.Sex;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.persistence.IndexWalk;
import org.reintegra.persistence.NativeConditions;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantId;

/**
 * Performance figures for an agency's liaison officer (every referral the agency sent, across its
 * partners) and for a partner's admin (the referrals the partner received). Every figure is
 * aggregated by PostgreSQL over {@code referral_measure}; Java hides small cells and puts the
 * breakdowns' groups in order. Row-level security limits the rows to the caller's tenant as well
 * as the side condition here.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class PerformanceService {

    static final String DRILL_FIELDS = "reference,client name,status,dates";
    static final String EXPORT_FIELDS = "reference,status,dates,service,sex,age band";
    static final int MAX_PAGE = 500;

    /**
     * The aggregates of one group over {@code referral_measure m} in the inner statement of
     * {@link #figuresSql}, each named, in the order {@link #totals} reads them. The two medians are
     * collected as arrays here and taken in the outer statement: an ordered-set aggregate
     * ({@code percentile_cont}) cannot be hashed, so with it PostgreSQL sorted every row once per
     * breakdown (ADR 0018). The days to accept are float8 throughout ({@code date_part}):
     * {@code extract} would compute them as numeric.
     */
    private static final String INNER_AGGREGATES = "count(*) AS received, count(m.accepted_at) AS accepted, "
            + "count(m.declined_at) AS declined, "
            + "array_agg(date_part('epoch', m.accepted_at - m.sent_at) / 86400) FILTER (WHERE m.accepted_at IS NOT NULL)"
            + " AS days_to_accept, "
            + "count(m.first_session_on) AS with_first_session, "
            + "array_agg((m.first_session_on - m.sent_on)::float8) FILTER (WHERE m.first_session_on IS NOT NULL)"
            + " AS days_to_first_session, "
            + "coalesce(sum(m.sessions_attended), 0) AS attended, coalesce(sum(m.sessions_late), 0) AS late, "
            + "coalesce(sum(m.sessions_missed), 0) AS missed, "
            + "count(*) FILTER (WHERE m.conclusion = 'COMPLETED') AS completed, "
            + "count(*) FILTER (WHERE m.conclusion = 'ENDED_EARLY') AS ended_early, "
            + "coalesce(sum(m.outcomes_rated), 0) AS rated, coalesce(sum(m.outcomes_achieved), 0) AS achieved, "
            + "coalesce(sum(m.outcomes_partly), 0) AS partly, "
            + "count(*) FILTER (WHERE m.enrolment_confirmed) AS enrolled, "
            + "count(*) FILTER (WHERE m.enrolment_completed) AS enrolment_completed, "
            + "coalesce(sum(m.cards_issued), 0) AS cards, count(*) FILTER (WHERE m.cards_issued > 0) AS with_cards";

    /** The figures as the outer statement of {@link #figuresSql} returns them from {@link #INNER_AGGREGATES}, medians taken. */
    private static final String FIGURES = "s.received, s.accepted, s.declined, " + median("s.days_to_accept")
            + ", s.with_first_session, " + median("s.days_to_first_session")
            + ", s.attended, s.late, s.missed, s.completed, s.ended_early, s.rated, s.achieved, s.partly, s.enrolled,"
            + " s.enrolment_completed, s.cards, s.with_cards";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    /** Whose performance the caller may look at; empty when none (an agency admin, say). */
    public Optional<PerformanceSide> side() {
        return PerformanceSide.of(entityManager, signedInActor.actor(), sessionContext::isCallerInRole);
    }

    /** The report for a filter: headline figures, reasons and the breakdowns (small cells hidden). */
    public PerformanceReport report(PerformanceFilter filter) {
        filter.checked();
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        List<Dimension> dimensions = breakdownDimensions(side);
        Map<Dimension, Map<String, Totals>> groups = figures(side, actor.tenant(), filter, dimensions);
        Totals totals = groups.get(null).getOrDefault("", Totals.EMPTY);
        List<Breakdown> breakdowns = new ArrayList<>();
        for (Dimension dimension : dimensions) {
            breakdowns.add(breakdown(dimension, groups.get(dimension)));
        }
        Map<Dimension, List<ReasonCount>> reasons = reasons(side, actor.tenant(), filter);
        Organisation own = entityManager.find(Organisation.class, actor.tenant().value());
        return new PerformanceReport(side, filter, own.name(), totals, totals.figures(),
                reasons.get(Dimension.DECLINE_REASON), reasons.get(Dimension.ENDED_EARLY_REASON), breakdowns);
    }

    /** The sending offices of the caller's measured referrals, for the office filter. */
    @SuppressWarnings("unchecked")
    public List<String> offices() {
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        return entityManager.createNativeQuery(officesSql(side)).setParameter(1, actor.tenant().value())
                .getResultList();
    }

    /** The organisations of the other side of the caller's measured referrals, for the filter. */
    @SuppressWarnings("unchecked")
    public List<OrganisationSummary> counterparts() {
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        List<String> ids = entityManager.createNativeQuery(counterpartsSql(side))
                .setParameter(1, actor.tenant().value()).getResultList();
        return names(ids).entrySet().stream()
                .map(e -> new OrganisationSummary(TenantId.of(e.getKey()),
                        side == PerformanceSide.AGENCY ? OrganisationKind.PARTNER : OrganisationKind.AGENCY, e.getValue()))
                .sorted(Comparator.comparing(OrganisationSummary::name)).toList();
    }

    /** The breakdowns of a report, in the order the screen shows them. */
    public static List<Dimension> breakdownDimensions(PerformanceSide side) {
        return List.of(Dimension.counterpartOf(side), Dimension.PROGRAMME_AREA, Dimension.SEX, Dimension.AGE_BAND);
    }

    /**
     * The distinct sending offices of a side's measured referrals, in order, parameter ?1 the
     * caller's tenant (public for the query benchmark): a walk over the V14 index ({@link IndexWalk}).
     */
    public static String officesSql(PerformanceSide side) {
        return IndexWalk.distinctValues("referral_measure m", sideColumn(side) + " = ?1", "m.sending_office");
    }

    /** The distinct organisations of the other side, parameter ?1 the caller's tenant (public for the query benchmark). */
    public static String counterpartsSql(PerformanceSide side) {
        return IndexWalk.distinctValues("referral_measure m", sideColumn(side) + " = ?1",
                "m." + Dimension.counterpartOf(side).column());
    }

    /**
     * The headline (grouping 15) and every breakdown in one statement over the rows of
     * {@code where}: one read of the rows, hashed into every group at once, instead of a sort of
     * the rows per breakdown (public for the query benchmark). Each row starts with
     * {@code GROUPING(...)} over the dimensions, whose bit for a dimension is 0 in that
     * dimension's rows, then the dimensions' values, then the figures {@link #totals} reads.
     */
    public static String figuresSql(List<Dimension> dimensions, String where) {
        String columns = dimensions.stream().map(d -> "m." + d.column()).collect(Collectors.joining(", "));
        String outerDimensions = dimensions.stream().map(d -> "s." + d.column()).collect(Collectors.joining(", "));
        String sets = dimensions.stream().map(d -> "(m." + d.column() + ")").collect(Collectors.joining(", "));
        return "SELECT s.set_bits, " + outerDimensions + ", " + FIGURES + " FROM (SELECT GROUPING(" + columns + ") AS set_bits, "
                + columns + ", " + INNER_AGGREGATES + " FROM referral_measure m WHERE " + where
                + " GROUP BY GROUPING SETS ((), " + sets + ")) s";
    }

    /** The median of an array of float8 ({@code NULL} when the array is), as {@code percentile_cont(0.5)} takes it. */
    private static String median(String array) {
        return "(SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM unnest(" + array + ") AS x)";
    }

    /**
     * How many of the referrals of {@code where} were declined and ended early for each reason, in
     * one statement: {@code GROUPING(...)} 1 in the decline reasons' rows, 2 in the early ends',
     * each list most frequent first, ties by code (public for the query benchmark).
     */
    public static String reasonsSql(String where) {
        return "SELECT GROUPING(m.decline_reason, m.ended_early_reason), m.decline_reason, m.ended_early_reason, count(*)"
                + " FROM referral_measure m WHERE " + where
                + " AND (m.decline_reason IS NOT NULL OR m.ended_early_reason IS NOT NULL)"
                + " GROUP BY GROUPING SETS ((m.decline_reason), (m.ended_early_reason)) ORDER BY 1, 4 DESC, 2, 3";
    }

    /** How many referrals are behind a figure. */
    public long countBehind(PerformanceFilter filter, DrillDown drill) {
        filter.checked();
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        NativeConditions where = behind(conditions(side, actor.tenant(), filter), drill);
        Query count = entityManager.createNativeQuery("SELECT count(*) FROM referral_measure m WHERE " + where.sql());
        where.bind(count);
        return ((Number) count.getSingleResult()).longValue();
    }

    /**
     * A page of the referrals behind a figure, newest first; each row shown is audited. The agency's
     * liaison officer sees the client's name, a partner only the reference.
     */
    public List<MeasuredReferral> referralsBehind(PerformanceFilter filter, DrillDown drill, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("page out of range");
        }
        filter.checked();
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        NativeConditions where = behind(conditions(side, actor.tenant(), filter), drill);
        List<MeasuredReferral> rows = measured(side == PerformanceSide.AGENCY, side, where, " ORDER BY m.sent_at DESC, m.referral_id DESC OFFSET "
                + offset + " LIMIT " + limit);
        for (MeasuredReferral row : rows) {
            auditTrail.record(actor, AuditAction.LIST, row.referralId(), row.clientId(), DRILL_FIELDS,
                    "performance drill-down");
        }
        return rows;
    }

    /**
     * The next batch of a report's referrals for an export, by ascending id after {@code afterId};
     * each referral exported is audited. Names are never exported.
     */
    public List<MeasuredReferral> exportBatch(PerformanceFilter filter, long afterId, int limit) {
        if (limit < 1 || limit > 2000) {
            throw new IllegalArgumentException("batch out of range");
        }
        filter.checked();
        Actor actor = signedInActor.actor();
        PerformanceSide side = requireSide();
        NativeConditions where = conditions(side, actor.tenant(), filter);
        where.and("m.referral_id > ?", afterId);
        List<MeasuredReferral> rows = measured(false, side, where,
                " ORDER BY m.referral_id LIMIT " + limit);
        for (MeasuredReferral row : rows) {
            auditTrail.record(actor, AuditAction.EXPORT, row.referralId(), row.clientId(), EXPORT_FIELDS,
                    "performance export");
        }
        return rows;
    }

    /** Records that the caller exported a report (its figures hold no client's data). */
    public void recordExport(PerformanceFilter filter, String format) {
        requireSide();
        auditTrail.record(signedInActor.actor(), AuditAction.EXPORT, null, null,
                "performance report " + format + " " + filter.from() + ".." + filter.to(), "performance export");
    }

    private List<MeasuredReferral> measured(boolean withClientNames, PerformanceSide side, NativeConditions where,
                                            String orderAndPage) {
        Query select = entityManager.createNativeQuery("SELECT m.referral_id, r.reference, "
                + (withClientNames ? "r.client_given_name || ' ' || r.client_family_name" : "NULL")
                + ", o.name, m.programme_area, m.service_type, m.sending_office, m.client_sex, m.age_band, m.status,"
                + " m.sent_at, m.accepted_at, m.declined_at, m.decline_reason, m.first_session_on, m.sessions_attended,"
                + " m.sessions_late, m.sessions_missed, m.conclusion, m.ended_early_reason, m.concluded_at,"
                + " m.outcomes_rated, m.outcomes_achieved, m.enrolment_confirmed, m.enrolment_completed,"
                + " m.cards_issued, r.client_id"
                + " FROM referral_measure m"
                + " JOIN referral r ON r.agency_tenant_id = m.agency_tenant_id AND r.id = m.referral_id"
                + " JOIN organisation o ON o.id = m." + Dimension.counterpartOf(side).column()
                + " WHERE " + where.sql() + orderAndPage);
        where.bind(select);
        List<MeasuredReferral> rows = new ArrayList<>();
        for (Object result : select.getResultList()) {
            Object[] c = (Object[]) result;
            long referralId = number(c[0]);
            rows.add(new MeasuredReferral(referralId, (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9], instant(c[10]),
                    instant(c[11]), instant(c[12]), (String) c[13], date(c[14]), number(c[15]), number(c[16]),
                    number(c[17]), (String) c[18], (String) c[19], instant(c[20]), number(c[21]), number(c[22]),
                    Boolean.TRUE.equals(c[23]), Boolean.TRUE.equals(c[24]), number(c[25]), number(c[26])));
        }
        return rows;
    }

    private Breakdown breakdown(Dimension dimension, Map<String, Totals> groups) {
        List<String> keys = new ArrayList<>(groups.keySet());
        Map<String, String> names = dimension == Dimension.PARTNER || dimension == Dimension.AGENCY
                ? names(keys) : Map.of();
        keys.sort(order(dimension, names));
        List<Map<Measure, Cell>> cells = SmallCells.protect(keys.stream().map(groups::get).toList());
        List<BreakdownRow> rows = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new BreakdownRow(keys.get(i), names.get(keys.get(i)), cells.get(i)));
        }
        return new Breakdown(dimension, rows);
    }

    private static Comparator<String> order(Dimension dimension, Map<String, String> names) {
        return switch (dimension) {
            case SEX -> Comparator.comparing(key -> enumOrder(Sex.class, key));
            case AGE_BAND -> Comparator.comparing(AgeBand.CODES::indexOf);
            case PROGRAMME_AREA -> Comparator.comparing(key -> enumOrder(ProgrammeArea.class, key));
            case PARTNER, AGENCY -> Comparator.comparing((String key) -> names.getOrDefault(key, key));
            default -> Comparator.naturalOrder();
        };
    }

    private static <E extends Enum<E>> int enumOrder(Class<E> type, String key) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(key)) {
                return value.ordinal();
            }
        }
        return Integer.MAX_VALUE;
    }

    /** The decline reasons and the early ends' reasons, each most frequent first (ties by code). */
    private Map<Dimension, List<ReasonCount>> reasons(PerformanceSide side, TenantId tenant, PerformanceFilter filter) {
        NativeConditions where = conditions(side, tenant, filter);
        Query query = entityManager.createNativeQuery(reasonsSql(where.sql()));
        where.bind(query);
        record Ranked(String code, long count) {
        }
        Map<Dimension, List<Ranked>> ranked = Map.of(Dimension.DECLINE_REASON, new ArrayList<>(),
                Dimension.ENDED_EARLY_REASON, new ArrayList<>());
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            Dimension reason = number(row[0]) == 1 ? Dimension.DECLINE_REASON : Dimension.ENDED_EARLY_REASON;
            String code = (String) (reason == Dimension.DECLINE_REASON ? row[1] : row[2]);
            if (code != null) {
                ranked.get(reason).add(new Ranked(code, number(row[3])));
            }
        }
        Map<Dimension, List<ReasonCount>> reasons = new HashMap<>();
        ranked.forEach((reason, codes) -> {
            List<Cell> cells = SmallCells.protectCounts(codes.stream().map(Ranked::count).toList());
            List<ReasonCount> rows = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                rows.add(new ReasonCount(codes.get(i).code(), cells.get(i)));
            }
            reasons.put(reason, rows);
        });
        return reasons;
    }

    /**
     * The totals of the whole (under the key {@code null}, its one group under "", absent when no
     * referral matches) and per group of each dimension, from one grouped statement.
     */
    private Map<Dimension, Map<String, Totals>> figures(PerformanceSide side, TenantId tenant, PerformanceFilter filter,
                                                        List<Dimension> dimensions) {
        NativeConditions where = conditions(side, tenant, filter);
        Query query = entityManager.createNativeQuery(figuresSql(dimensions, where.sql()));
        where.bind(query);
        Map<Dimension, Map<String, Totals>> figures = new HashMap<>();
        figures.put(null, new HashMap<>());
        dimensions.forEach(dimension -> figures.put(dimension, new HashMap<>()));
        int whole = (1 << dimensions.size()) - 1;
        for (Object result : query.getResultList()) {
            Object[] c = (Object[]) result;
            int grouping = (int) number(c[0]);
            int n = dimensions.size();
            Totals totals = totals(c, n + 1);
            if (grouping == whole) {
                if (totals.received() > 0) {
                    figures.get(null).put("", totals);
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                if ((grouping & (1 << (n - 1 - i))) == 0) {
                    Object key = c[1 + i];
                    figures.get(dimensions.get(i)).put(key == null ? "" : key.toString(), totals);
                }
            }
        }
        return figures;
    }

    private static Totals totals(Object[] c, int first) {
        return new Totals(number(c[first]), number(c[first + 1]), number(c[first + 2]), decimal(c[first + 3]),
                number(c[first + 4]), decimal(c[first + 5]), number(c[first + 6]), number(c[first + 7]),
                number(c[first + 8]), number(c[first + 9]), number(c[first + 10]), number(c[first + 11]),
                number(c[first + 12]), number(c[first + 13]), number(c[first + 14]), number(c[first + 15]),
                number(c[first + 16]), number(c[first + 17]));
    }

    private Map<String, String> names(List<String> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return entityManager.createQuery("SELECT o FROM Organisation o WHERE o.id IN :ids", Organisation.class)
                .setParameter("ids", organisationIds).getResultList().stream()
                .collect(Collectors.toMap(o -> o.id().value(), Organisation::name));
    }

    private PerformanceSide requireSide() {
        return side().orElseThrow(() -> new jakarta.ejb.EJBAccessException("no performance view for this caller"));
    }

    private static String sideColumn(PerformanceSide side) {
        return side == PerformanceSide.AGENCY ? "m.agency_tenant_id" : "m.partner_tenant_id";
    }

    private static NativeConditions conditions(PerformanceSide side, TenantId tenant, PerformanceFilter filter) {
        NativeConditions where = new NativeConditions();
        where.and(sideColumn(side) + " = ?", tenant.value());
        where.and("m.sent_on >= ?", Date.valueOf(filter.from()));
        where.and("m.sent_on <= ?", Date.valueOf(filter.to()));
        if (filter.counterpart() != null) {
            where.and("m." + Dimension.counterpartOf(side).column() + " = ?", filter.counterpart());
        }
        if (filter.programmeArea() != null) {
            where.and("m.programme_area = ?", filter.programmeArea().name());
        }
        if (filter.service() != null) {
            where.and("m.service_type = ?", filter.service().name());
        }
        if (filter.office() != null && !filter.office().isBlank()) {
            where.and("m.sending_office = ?", filter.office());
        }
        return where;
    }

    /** Narrows to the referrals a figure counts, in one group of a breakdown if the drill names one. */
    private static NativeConditions behind(NativeConditions where, DrillDown drill) {
        where.and(drill.measure().referralCondition());
        if (drill.dimension() != null) {
            where.and("m." + drill.dimension().column() + " = ?", drill.key());
        }
        return where;
    }
}
