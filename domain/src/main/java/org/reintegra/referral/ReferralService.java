package org.reintegra.referral;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.client.Client;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.observability.ServiceTimes;
import org.reintegra.persistence.IndexWalk;
import org.reintegra.persistence.SqlValues;
import org.reintegra.staff.StaffDirectory;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantId;

/**
 * Referrals as the signed-in user's organisation sees them. Every call runs for the caller's
 * tenant ({@link TenantBound}); every client data it returns is audited in the same transaction.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class ReferralService {

    /** A tab holding at least one in this many of the list's referrals is read in index order. */
    private static final long WALK_SHARE = 20;
    /** A list this small is read in index order whatever the tab. */
    private static final long SMALL_LIST = 2_000;

    static final String INBOX_FIELDS = "client.name,programme,service,status,dates";
    static final String DETAIL_FIELDS = "client.name,client.dateOfBirth,client.sex,client.language,programme,service,"
            + "desiredOutcomes,legalBasis,consent,custody,releaseDate,deadline,office,officer,caseworker,status,history,"
            + "notes,changelog";
    static final String OFFENCE_AND_RISK_FIELDS = ",reason,riskSummary";
    static final String HEALTH_FIELDS = ",healthNotes";
    static final String LEGAL_FIELDS = ",legalCaseDetails";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @Inject
    private InboxCountCache inboxCountCache;

    @Inject
    private ServiceTimes serviceTimes;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    @EJB
    private StaffDirectory staffDirectory;

    @Inject
    private ReferralAnnouncer announcer;

    private final Clock clock = Clock.systemUTC();

    /** Whether the caller may draft referrals (an agency officer signed in for an agency). */
    public boolean mayDraftReferrals() {
        return sessionContext.isCallerInRole(Roles.AGENCY_OFFICER)
                && viewerOf(signedInActor.actor()).map(v -> v.side() == ReferralSide.AGENCY).orElse(false);
    }

    /** The sending offices of the referrals in the caller's list, for the office filter. */
    @SuppressWarnings("unchecked")
    public List<String> sendingOffices() {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        if (viewer.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery(sendingOfficesSql(viewer.get().side()))
                .setParameter(1, actor.tenant().value()).getResultList();
    }

    /**
     * The distinct sending offices of a side's list, in order, parameter ?1 the caller's tenant: a walk
     * over the index that leads with the side's tenant column (V15), one index descent per office,
     * instead of reading every referral of the list.
     */
    static String sendingOfficesSql(ReferralSide side) {
        return IndexWalk.distinctValues("referral r", side == ReferralSide.AGENCY
                ? "r.agency_tenant_id = ?1" : "r.partner_tenant_id = ?1 AND r.sent_at IS NOT NULL", "r.sending_office");
    }

    /** The views of the caller's referral list (an agency's and a partner's differ). */
    public List<InboxView> inboxViews() {
        return viewerOf(signedInActor.actor()).map(viewer -> InboxView.of(viewer.side())).orElse(List.of());
    }

    /**
     * A page of the caller's referral list, newest change first: for an agency the referrals it
     * sent (and its drafts), for a partner the referrals sent to it. Each row shown is audited.
     */
    public List<ReferralSummary> inboxPage(InboxQuery query, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("page out of range");
        }
        long started = System.nanoTime();
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        if (viewer.isEmpty() || !query.view().appliesTo(viewer.get().side())) {
            return List.of();
        }
        ReferralSide side = viewer.get().side();
        String counterpartColumn = side == ReferralSide.AGENCY ? "partnerTenantId" : "agencyTenantId";
        TypedQuery<ReferralSummary> select = entityManager.createQuery(
                "SELECT NEW org.reintegra.referral.ReferralSummary(r.id, r.reference, r.client.givenName, "
                        + "r.client.familyName, r.programmeArea, r.serviceType, r.status, o.name, r.sentAt, "
                        + "r.statusChangedAt, r.completionDeadline, r.clientId) "
                        + "FROM Referral r, Organisation o "
                        + "WHERE " + listCondition(side, query) + " AND o.id = r." + counterpartColumn + " "
                        + "ORDER BY r.statusChangedAt DESC, r.id DESC", ReferralSummary.class);
        PageRead read = pageRead(actor, side, query);
        read.steer(this, true);
        List<ReferralSummary> page = bind(select, side, actor, query)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        read.steer(this, false);
        auditTrail.recordAll(actor, AuditAction.LIST,
                page.stream().map(row -> new AuditTrail.Access(row.id(), row.clientId())).toList(), INBOX_FIELDS, "referral inbox");
        serviceTimes.record(operation(side, query, "page"), started);
        return page;
    }

    /** How PostgreSQL is to read a page of a list (ADR 0013, amended by V17). */
    private enum PageRead {
        /** Walk the side's list index in order and stop after the page (sorting off). */
        LIST_INDEX,
        /** Read the few rows that match, through the filter's own index, and sort them (index scans off). */
        MATCHING_ROWS,
        /** Leave it to the planner. */
        PLANNER;

        /** Sets the planner for the page's statement ({@code before}), or back to its defaults after it. */
        void steer(ReferralService service, boolean before) {
            switch (this) {
                case LIST_INDEX -> service.plannerSetting("enable_sort", !before);
                case MATCHING_ROWS -> service.plannerSetting("enable_indexscan", !before);
                default -> {
                }
            }
        }
    }

    /**
     * How a page is best read. A whole list always, and a tab that the list's counts as last taken
     * ({@link InboxCountCache#lastCounted}, when the inbox opened) say holds at least one in
     * {@value #WALK_SHARE} of the list, or a small list: by walking the side's list index in order,
     * stopping after the page; the walk meets a page's rows soon.
     *
     * <p>A search or filter whose counts (taken for the same filters just before, when they were
     * applied: {@link InboxCountCache#lastFiltered}) show fewer than one in {@value #WALK_SHARE} of
     * the list: by reading the matching rows through the filter's index and sorting them. PostgreSQL
     * takes matches as spread evenly along the list's order and would walk the list for them; but the
     * referrals sent in a month two years ago come late in an order of latest change first, and the
     * walk read 199,000 rows for 50 (agency: 519 ms instead of 22, docs/benchmarks.md). A search or
     * filter holding a larger share, without dates, is walked like a tab: an office or programme is
     * spread over the list's whole time (a partner's office with a sixth of its referrals: the planner
     * read and sorted all of them). Anything else is left to the planner.
     */
    private PageRead pageRead(Actor actor, ReferralSide side, InboxQuery query) {
        InboxCountCache.ListKey list = listKey(actor, side);
        Optional<Map<InboxView, Long>> listCounts = inboxCountCache.lastCounted(list);
        if (query.isUnfiltered()) {
            if (query.view() == InboxView.ALL) {
                return PageRead.LIST_INDEX;
            }
            return listCounts.map(counts -> {
                long all = counts.getOrDefault(InboxView.ALL, 0L);
                long tab = counts.getOrDefault(query.view(), 0L);
                return all <= SMALL_LIST || tab * WALK_SHARE >= all ? PageRead.LIST_INDEX : PageRead.PLANNER;
            }).orElse(PageRead.PLANNER);
        }
        Optional<Map<InboxView, Long>> filtered = inboxCountCache.lastFiltered(list, query);
        if (listCounts.isEmpty() || filtered.isEmpty()) {
            return PageRead.PLANNER;
        }
        long all = listCounts.get().getOrDefault(InboxView.ALL, 0L);
        long matching = filtered.get().getOrDefault(query.view(), 0L);
        if (all > SMALL_LIST && matching * WALK_SHARE < all) {
            return PageRead.MATCHING_ROWS;
        }
        // an office, programme or name is spread over the list's whole time: a walk meets it soon
        boolean spreadOverTime = query.sentFrom() == null && query.sentTo() == null;
        return spreadOverTime && matching * WALK_SHARE >= all ? PageRead.LIST_INDEX : PageRead.PLANNER;
    }

    /** Whose cached counts a list has: the organisation, its side and (for a partner's "mine") the person. */
    private static InboxCountCache.ListKey listKey(Actor actor, ReferralSide side) {
        return new InboxCountCache.ListKey(actor.tenant().value(), side,
                side == ReferralSide.PARTNER ? actor.username() : null);
    }

    /**
     * Turns a planner setting on or off for the next statements of this transaction. A page of a whole
     * list or a large tab is best read in the order of the side's list index (V1), stopping after the
     * page; PostgreSQL could not see that for a partner of middling size. The tenant is
     * named three times (the list's condition, EclipseLink's criteria, row-level security), and the
     * planner multiplies the three as if independent: for a partner with 33,000 referrals it expected
     * 40 rows, read all 33,000 and sorted them, 225 ms and 25,000 pages read instead of 0.6 ms
     * (docs/benchmarks.md, ADR 0013). Turning sorting off for that one statement leaves the index
     * order as the only plan; turning index scans off leaves only reading the matching rows
     * ({@link #pageRead} says when).
     */
    private void plannerSetting(String setting, boolean on) {
        entityManager.createNativeQuery("SELECT set_config(?1, ?2, true)")
                .setParameter(1, setting).setParameter(2, on ? "on" : "off").getSingleResult();
    }

    /**
     * The count of every view of the caller's list, for the same search and filters, from one grouped
     * statement: per status the rows, and among them those that need the caller's side's attention,
     * (partner) are the caller's own and are nobody's. Counting {@code status} (never null) rather
     * than the entity keeps it an index-only scan: EclipseLink turns {@code COUNT(r)} into
     * {@code COUNT(id)}, which the covering count indexes (V13, V16) do not hold, and the count then read
     * every row from the table (agency: 369 ms instead of 112). One statement instead of three
     * (agency) or five (partner) per opening of the inbox.
     */
    public Map<InboxView, Long> inboxCounts(InboxQuery filters) {
        long started = System.nanoTime();
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        if (viewer.isEmpty()) {
            return counts;
        }
        ReferralSide side = viewer.get().side();
        if (filters.isUnfiltered()) {
            counts.putAll(inboxCountCache.counts(listKey(actor, side), () -> countViews(actor, side, filters)));
        } else {
            counts.putAll(countViews(actor, side, filters));
            inboxCountCache.filteredCounted(listKey(actor, side), filters, counts);
        }
        serviceTimes.record(operation(side, filters, "counts"), started);
        return counts;
    }

    /** The name a call's service time is kept under: side, list or search, and what was asked. */
    private static String operation(ReferralSide side, InboxQuery query, String what) {
        return (side == ReferralSide.AGENCY ? "agency-" : "partner-")
                + (query.search() == null || query.search().isBlank() ? "list-" : "search-") + what;
    }

    /** Counts every view of a list with one grouped statement (see {@link #inboxCounts}). */
    private Map<InboxView, Long> countViews(Actor actor, ReferralSide side, InboxQuery filters) {
        Map<InboxView, Long> counts = new EnumMap<>(InboxView.class);
        InboxQuery all = filters.withView(InboxView.ALL);
        String perStatus = side == ReferralSide.AGENCY
                ? "SUM(CASE WHEN r.agencyAttention = TRUE THEN 1 ELSE 0 END)"
                : "SUM(CASE WHEN r.partnerAttention = TRUE THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN r.assignedCaseworker = :me THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN r.assignedCaseworker IS NULL THEN 1 ELSE 0 END)";
        TypedQuery<Object[]> grouped = bind(entityManager.createQuery("SELECT r.status, COUNT(r.status), " + perStatus
                + " FROM Referral r WHERE " + listCondition(side, all) + " GROUP BY r.status", Object[].class), side, actor, all);
        if (side == ReferralSide.PARTNER) {
            grouped.setParameter("me", actor.username());
        }
        Map<ReferralStatus, long[]> byStatus = new EnumMap<>(ReferralStatus.class);
        for (Object[] row : grouped.getResultList()) {
            long[] figures = new long[4];
            for (int i = 1; i < row.length; i++) {
                figures[i - 1] = SqlValues.number(row[i]);
            }
            byStatus.put((ReferralStatus) row[0], figures);
        }
        for (InboxView view : InboxView.of(side)) {
            counts.put(view, switch (view) {
                case ACTION_NEEDED -> side == ReferralSide.AGENCY
                        ? sum(byStatus, EnumSet.allOf(ReferralStatus.class), 1)
                        : sum(byStatus, EnumSet.of(ReferralStatus.SENT), 0)
                                + sum(byStatus, without(view.statuses(), ReferralStatus.SENT), 1);
                case MINE -> sum(byStatus, view.statuses(), 2);
                case UNASSIGNED -> sum(byStatus, view.statuses(), 3);
                default -> sum(byStatus, view.statuses(), 0);
            });
        }
        return counts;
    }

    private static long sum(Map<ReferralStatus, long[]> byStatus, Set<ReferralStatus> statuses, int figure) {
        return statuses.stream().map(byStatus::get).filter(java.util.Objects::nonNull).mapToLong(f -> f[figure]).sum();
    }

    private static Set<ReferralStatus> without(Set<ReferralStatus> statuses, ReferralStatus left) {
        Set<ReferralStatus> rest = EnumSet.noneOf(ReferralStatus.class);
        rest.addAll(statuses);
        rest.remove(left);
        return rest;
    }

    /** The WHERE clause of a list: own side (on its index), the view's statuses, the search. */
    private static String listCondition(ReferralSide side, InboxQuery query) {
        StringBuilder where = new StringBuilder(side == ReferralSide.AGENCY
                ? "r.agencyTenantId = :tenant"
                : "r.partnerTenantId = :tenant AND r.sentAt IS NOT NULL");
        if (query.view() == InboxView.ACTION_NEEDED) {
            where.append(side == ReferralSide.AGENCY
                    ? " AND r.agencyAttention = TRUE"
                    : " AND (r.status = org.reintegra.referral.ReferralStatus.SENT"
                            + " OR (r.status IN :statuses AND r.partnerAttention = TRUE))");
        } else if (query.view() != InboxView.ALL) {
            where.append(" AND r.status IN :statuses");
        }
        if (query.view() == InboxView.MINE) {
            where.append(" AND r.assignedCaseworker = :me");
        }
        if (query.view() == InboxView.UNASSIGNED) {
            where.append(" AND r.assignedCaseworker IS NULL");
        }
        if (query.search() != null) {
            where.append(" AND r.searchKey LIKE :search ESCAPE '\\'");
        }
        if (query.programme() != null) {
            where.append(" AND r.programmeArea = :programme");
        }
        if (query.office() != null) {
            where.append(" AND r.sendingOffice = :office");
        }
        if (query.sentFrom() != null) {
            where.append(" AND r.sentAt >= :sentFrom");
        }
        if (query.sentTo() != null) {
            where.append(" AND r.sentAt < :sentBefore");
        }
        return where.toString();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, ReferralSide side, Actor actor, InboxQuery inbox) {
        query.setParameter("tenant", actor.tenant().value());
        if (inbox.view() != InboxView.ALL && !(inbox.view() == InboxView.ACTION_NEEDED && side == ReferralSide.AGENCY)) {
            query.setParameter("statuses", List.copyOf(inbox.view().statuses()));
        }
        if (inbox.view() == InboxView.MINE) {
            query.setParameter("me", actor.username());
        }
        if (inbox.search() != null) {
            query.setParameter("search", inbox.searchPattern());
        }
        if (inbox.programme() != null) {
            query.setParameter("programme", inbox.programme());
        }
        if (inbox.office() != null) {
            query.setParameter("office", inbox.office());
        }
        if (inbox.sentFrom() != null) {
            query.setParameter("sentFrom", inbox.sentFromInstant());
        }
        if (inbox.sentTo() != null) {
            query.setParameter("sentBefore", inbox.sentBeforeInstant());
        }
        return query;
    }

    /**
     * The agency's referrals changed after {@code since} (state, terms, caseworker or a note), oldest
     * change first, continuing after the change at ({@code since}, {@code afterId}): keyset pages on
     * the agency's change index. For the agency's case-management system.
     */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public List<ReferralChange> changedSince(java.time.Instant since, long afterId, int limit) {
        if (limit < 1 || limit > 500 || since == null) {
            throw new IllegalArgumentException("page out of range");
        }
        Actor actor = signedInActor.actor();
        if (viewerOf(actor).map(v -> v.side() != ReferralSide.AGENCY).orElse(true)) {
            return List.of();
        }
        List<ReferralChange> page = entityManager.createQuery("SELECT NEW org.reintegra.referral.ReferralChange(r.id,"
                        + " r.reference, r.status, r.changedAt, r.version, r.clientId) FROM Referral r"
                        + " WHERE r.agencyTenantId = :tenant AND (r.changedAt > :since OR (r.changedAt = :since AND r.id > :after))"
                        + " ORDER BY r.changedAt, r.id", ReferralChange.class)
                .setParameter("tenant", actor.tenant().value())
                .setParameter("since", since)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
        for (ReferralChange change : page) {
            auditTrail.record(actor, AuditAction.LIST, change.id(), change.clientId(), "reference,status",
                    "referral changes feed");
        }
        return page;
    }

    /**
     * One referral in full, or empty when it does not exist or the caller's organisation does not
     * share it: both look the same. The read is audited.
     */
    public Optional<ReferralDetails> findReferral(long id) {
        Actor actor = signedInActor.actor();
        Optional<ReferralViewer> viewer = viewerOf(actor);
        Referral referral = entityManager.find(Referral.class, id);
        if (referral == null || viewer.isEmpty()) {
            return Optional.empty();
        }
        ReferralDetails details = details(referral, actor, viewer.get());
        auditTrail.record(actor, AuditAction.READ, referral.id(), referral.clientId(), auditedFields(viewer.get()),
                "referral details");
        return Optional.of(details);
    }

    /**
     * An officer drafts a referral of their agency's client to a partner. The client must be one
     * of the agency's own (another agency's client is as unknown as a missing one).
     */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails draftReferral(long clientId, TenantId partner, ReferralDraft draft) {
        Actor actor = signedInActor.actor();
        ReferralViewer viewer = viewerOf(actor).orElseThrow(ReferralNotFound::new);
        Referral referral = newDraft(actor, clientId, partner, draft);
        entityManager.flush();
        auditTrail.record(actor, AuditAction.CREATE, referral.id(), referral.clientId(), auditedFields(viewer), "referral draft");
        return details(referral, actor, viewer);
    }

    /**
     * The agency's case system drafts a referral and sends it in one step (the intake API): the
     * same checks, history, notice and audit rows as {@link #draftReferral} followed by
     * {@link #sendReferral}, but the referral is written once, already sent, instead of inserted as
     * a draft and then updated (each write of a referral maintains all its indexes).
     */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails draftAndSendReferral(long clientId, TenantId partner, ReferralDraft draft) {
        Actor actor = signedInActor.actor();
        ReferralViewer viewer = viewerOf(actor).orElseThrow(ReferralNotFound::new);
        Referral referral = newDraft(actor, clientId, partner, draft);
        referral.send(actor, clock);
        entityManager.flush();
        announce(referral);
        String fields = auditedFields(viewer);
        auditTrail.record(actor, AuditAction.CREATE, referral.id(), referral.clientId(), fields, "referral draft");
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), fields, "referral send");
        return details(referral, actor, viewer);
    }

    /** A new draft of the agency's own client to a partner, persisted (not yet written). */
    private Referral newDraft(Actor actor, long clientId, TenantId partner, ReferralDraft draft) {
        Client client = entityManager.createQuery("SELECT c FROM Client c WHERE c.id = :id", Client.class)
                .setParameter("id", clientId).getResultStream().findFirst()
                .orElseThrow(() -> new ReferralInputRejected("client", "referral.client.required"));
        Organisation receiver = entityManager.find(Organisation.class, partner.value());
        if (receiver == null || receiver.kind() != OrganisationKind.PARTNER) {
            throw new ReferralInputRejected("partner", "referral.partner.required");
        }
        validate(draft);
        Referral referral = Referral.draft(actor, client, partner, draft, clock);
        entityManager.persist(referral); // the sequence gives the id here, so the reference goes into the insert
        referral.assignReference(referencePrefix(actor.tenant()));
        return referral;
    }

    /**
     * References of the client's open referrals for the same service (any partner): a second one is
     * probably a duplicate, and the officer is warned before drafting it.
     */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public List<String> openReferralsForSameService(long clientId, ServiceType service) {
        return entityManager.createQuery("SELECT r.reference FROM Referral r WHERE r.agencyTenantId = :tenant"
                        + " AND r.clientId = :client AND r.serviceType = :service AND r.status IN :open", String.class)
                .setParameter("tenant", signedInActor.actor().tenant().value())
                .setParameter("client", clientId)
                .setParameter("service", service)
                .setParameter("open", List.of(ReferralStatus.DRAFT, ReferralStatus.SENT, ReferralStatus.ACCEPTED,
                        ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD))
                .getResultList();
    }

    private static void validate(ReferralDraft draft) {
        if (draft.programmeArea() == null) {
            throw new ReferralInputRejected("programmeArea", "referral.programme.required");
        }
        if (draft.serviceType() == null) {
            throw new ReferralInputRejected("serviceType", "referral.service.required");
        }
        if (draft.reasonForReferral() == null || draft.reasonForReferral().isBlank()) {
            throw new ReferralInputRejected("reasonForReferral", "referral.reason.required");
        }
        if (draft.reasonForReferral().length() > 4000 || (draft.riskSummary() != null && draft.riskSummary().length() > 4000)) {
            throw new ReferralInputRejected("reasonForReferral", "referral.text.too-long");
        }
        if (draft.completionDeadline() != null && draft.completionDeadline().isBefore(LocalDate.now())) {
            throw new ReferralInputRejected("completionDeadline", "referral.deadline.past");
        }
        if (draft.custodyStatus() == CustodyStatus.IN_CUSTODY && draft.releaseDate() == null) {
            throw new ReferralInputRejected("releaseDate", "referral.release-date.required");
        }
        if (draft.desiredOutcomes().stream().anyMatch(outcome -> !outcome.fits(draft.serviceType()))) {
            throw new ReferralInputRejected("desiredOutcomes", "referral.outcomes.not-for-service");
        }
        if (draft.legalBasis() != null && draft.legalBasis().needsConsent() && draft.consentRecordedOn() == null) {
            throw new ReferralInputRejected("consentRecordedOn", "referral.consent.required");
        }
        if (draft.consentRecordedOn() != null && draft.consentRecordedOn().isAfter(LocalDate.now())) {
            throw new ReferralInputRejected("consentRecordedOn", "referral.consent.future");
        }
        if (draft.healthNotes() != null && draft.healthNotes().length() > ReferralDetail.MAX_LENGTH) {
            throw new ReferralInputRejected("healthNotes", "referral.text.too-long");
        }
        if (draft.legalCaseDetails() != null && draft.legalCaseDetails().length() > ReferralDetail.MAX_LENGTH) {
            throw new ReferralInputRejected("legalCaseDetails", "referral.text.too-long");
        }
        if (draft.sendingOffice() != null && draft.sendingOffice().length() > 200) {
            throw new ReferralInputRejected("sendingOffice", "referral.text.too-long");
        }
    }

    /** Initials of the agency's alias: national-probation-agency gives NPA. */
    static String referencePrefix(TenantId agency) {
        StringBuilder prefix = new StringBuilder();
        for (String part : agency.value().split("-")) {
            if (!part.isEmpty()) {
                prefix.append(Character.toUpperCase(part.charAt(0)));
            }
        }
        return prefix.toString();
    }

    /** The caller writes a case note on the referral, or asks the other side a question. */
    public ReferralDetails writeNote(long id, String body, boolean question) {
        if (body == null || body.isBlank() || body.strip().length() > ReferralNote.MAX_LENGTH) {
            throw new ReferralInputRejected("note", "note.length");
        }
        Actor actor = signedInActor.actor();
        ReferralViewer viewer = viewerOf(actor).orElseThrow(ReferralNotFound::new);
        Referral referral = entityManager.find(Referral.class, id);
        if (referral == null) {
            throw new ReferralNotFound();
        }
        referral.writeNote(actor, question, body, clock);
        entityManager.flush();
        announce(referral);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), auditedFields(viewer),
                question ? "referral question" : "referral note");
        return details(referral, actor, viewer);
    }

    /** The agency sends its draft to the partner's inbox. */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails sendReferral(long id, long expectedVersion) {
        return change(id, expectedVersion, "send", (referral, actor) -> referral.send(actor, clock));
    }

    /** The partner accepts the referral and assigns it to the caller as caseworker. */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails acceptReferral(long id, long expectedVersion) {
        return change(id, expectedVersion, "accept", (referral, actor) -> referral.accept(actor, actor.username(), clock));
    }

    /** The partner accepts the referral and assigns it to one of its caseworkers (the caller or a colleague). */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails acceptReferral(long id, long expectedVersion, String caseworker) {
        requireCaseworker(caseworker);
        return change(id, expectedVersion, "accept", (referral, actor) -> referral.accept(actor, caseworker, clock));
    }

    /** The partner hands an accepted referral to another caseworker, or to nobody (Unassigned). */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails reassignReferral(long id, long expectedVersion, String caseworker, String reason) {
        if (caseworker != null && !caseworker.isBlank()) {
            requireCaseworker(caseworker);
        }
        requireReason(reason);
        return change(id, expectedVersion, "reassign",
                (referral, actor) -> referral.reassign(actor, caseworker, reason, clock));
    }

    /**
     * The officer amends a sent, open referral; each changed field is kept in the changelog and the
     * partner is told.
     */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails amendReferral(long id, long expectedVersion, ReferralDraft terms, String reason) {
        validate(terms);
        requireReason(reason);
        return change(id, expectedVersion, "amend", (referral, actor) -> referral.amend(actor, terms, reason, clock));
    }

    /** The officer saves their draft as it stands (the form autosaves); nobody else sees a draft. */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails reviseDraft(long id, long expectedVersion, ReferralDraft draft) {
        validate(draft);
        return change(id, expectedVersion, "draft revision", (referral, actor) -> referral.reviseDraft(actor, draft, clock));
    }

    private void requireCaseworker(String caseworker) {
        if (caseworker == null || !staffDirectory.isCaseworker(caseworker)) {
            throw new ReferralInputRejected("caseworker", "referral.caseworker.unknown");
        }
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ReferralInputRejected("reason", "referral.change-reason.required");
        }
        if (reason.strip().length() > ReferralAmendment.MAX_REASON_LENGTH) {
            throw new ReferralInputRejected("reason", "referral.text.too-long");
        }
    }

    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails declineReferral(long id, long expectedVersion, DeclineReason reason, String explanation) {
        return change(id, expectedVersion, "decline",
                (referral, actor) -> referral.decline(actor, reason, trimmed(explanation), clock));
    }

    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails putReferralOnHold(long id, long expectedVersion, String why) {
        return change(id, expectedVersion, "put on hold", (referral, actor) -> referral.putOnHold(actor, trimmed(why), clock));
    }

    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public ReferralDetails resumeReferral(long id, long expectedVersion) {
        return change(id, expectedVersion, "resume", (referral, actor) -> referral.resume(actor, clock));
    }

    /** The agency withdraws its referral; ENTERED_IN_ERROR marks mistakes and duplicates. */
    @RolesAllowed(Roles.AGENCY_OFFICER)
    public ReferralDetails withdrawReferral(long id, long expectedVersion, WithdrawalReason reason, String explanation) {
        return change(id, expectedVersion, "withdraw",
                (referral, actor) -> referral.withdraw(actor, reason, trimmed(explanation), clock));
    }

    /**
     * Loads the referral the caller's organisation shares, checks that it is still the version the
     * caller saw, lets the aggregate apply the command and writes it with its audit row.
     */
    private ReferralDetails change(long id, long expectedVersion, String purpose, BiConsumer<Referral, Actor> command) {
        Actor actor = signedInActor.actor();
        ReferralViewer viewer = viewerOf(actor).orElseThrow(ReferralNotFound::new);
        Referral referral = entityManager.find(Referral.class, id);
        if (referral == null) {
            throw new ReferralNotFound();
        }
        if (referral.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        command.accept(referral, actor);
        try {
            entityManager.flush();
        } catch (OptimisticLockException changedByAnotherTransaction) {
            throw new ReferralChangedMeanwhile();
        }
        announce(referral);
        // the caller gets the whole referral back: the audit row names every field shown, not only those changed
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), auditedFields(viewer),
                "referral " + purpose);
        return details(referral, actor, viewer);
    }

    /** Tells whoever must hear of the change, inside its transaction (the notification commits with it). */
    private void announce(Referral referral) {
        announcer.announce(referral);
    }

    private ReferralDetails details(Referral referral, Actor actor, ReferralViewer viewer) {
        ReferralSide side = referral.sideOf(actor);
        boolean offenceAndRisk = viewer.seesOffenceAndRiskDetails();
        boolean health = viewer.seesHealthNotes();
        boolean legal = viewer.seesLegalCaseDetails();
        String agencyName = organisationName(referral.agencyTenant().value());
        String partnerName = organisationName(referral.partnerTenant().value());
        ClientSnapshot client = referral.client();
        return new ReferralDetails(referral.id(), referral.reference(), side, agencyName, partnerName,
                client.givenName(), client.familyName(), client.dateOfBirth(), client.sex(), client.preferredLanguage(),
                referral.programmeArea(), referral.serviceType(), offenceAndRisk,
                offenceAndRisk ? referral.reasonForReferral() : null, offenceAndRisk ? referral.riskSummary() : null,
                referral.custodyStatus(), referral.releaseDate(), referral.completionDeadline(), referral.sendingOffice(),
                referral.sendingOfficer(), referral.assignedCaseworker(), referral.status(), referral.sentAt(),
                referral.statusChangedAt(), referral.version(),
                referral.history().stream().map(ReferralHistoryEntry::of).toList(),
                availableCommands(referral.status(), side),
                referral.notes().stream().map(ReferralNoteEntry::of).toList(),
                referral.desiredOutcomes(), referral.legalBasis(), referral.consentRecordedOn(),
                referral.amendments().stream().filter(a -> viewer.sees(a.field().kind()))
                        .map(ReferralAmendmentEntry::of).toList(),
                side == ReferralSide.AGENCY ? referral.agencyAttention() : referral.partnerAttention(),
                side == ReferralSide.AGENCY && sessionContext.isCallerInRole(Roles.AGENCY_OFFICER)
                        && Referral.amendable(referral.status()),
                side == ReferralSide.AGENCY && sessionContext.isCallerInRole(Roles.AGENCY_OFFICER)
                        && referral.status() == ReferralStatus.DRAFT,
                side == ReferralSide.PARTNER && (referral.status() == ReferralStatus.ACCEPTED
                        || referral.status() == ReferralStatus.IN_PROGRESS || referral.status() == ReferralStatus.ON_HOLD),
                health, health ? referral.healthNotes() : null, legal, legal ? referral.legalCaseDetails() : null);
    }

    /** The commands the caller may give now, by side, role and state (the aggregate checks again). */
    private List<ReferralCommand> availableCommands(ReferralStatus status, ReferralSide side) {
        List<ReferralCommand> offered = side == ReferralSide.AGENCY
                ? (sessionContext.isCallerInRole(Roles.AGENCY_OFFICER)
                        ? List.of(ReferralCommand.SEND, ReferralCommand.WITHDRAW) : List.of())
                : List.of(ReferralCommand.ACCEPT, ReferralCommand.DECLINE, ReferralCommand.PUT_ON_HOLD, ReferralCommand.RESUME);
        return offered.stream().filter(command -> ReferralLifecycle.allows(status, command)).toList();
    }

    private static String auditedFields(ReferralViewer viewer) {
        return DETAIL_FIELDS + (viewer.seesOffenceAndRiskDetails() ? OFFENCE_AND_RISK_FIELDS : "")
                + (viewer.seesHealthNotes() ? HEALTH_FIELDS : "") + (viewer.seesLegalCaseDetails() ? LEGAL_FIELDS : "");
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String organisationName(String id) {
        Organisation organisation = entityManager.find(Organisation.class, id);
        return organisation == null ? id : organisation.name();
    }

    private Optional<ReferralViewer> viewerOf(Actor actor) {
        return ReferralAccessPolicy.viewerOf(entityManager, actor, sessionContext::isCallerInRole);
    }
}
