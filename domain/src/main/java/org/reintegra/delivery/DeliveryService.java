package org.reintegra.delivery;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.persistence.LikePattern;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralAnnouncer;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;
import org.reintegra.referral.ReferralStatus;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Sessions delivered on referrals. The partner plans and records them, one client at a time or a
 * whole group in one go (each client's record on their own referral); the agency reads them on the
 * referral. The first session a client attends moves an accepted referral to In progress; a
 * concern flagged on a session tells the sending officer. Reads and writes are audited.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class DeliveryService {

    static final String SESSION_FIELDS = "sessions(date,attendance,notes,concern)";
    /** A group session in this portal has at most this many clients (one screen). */
    public static final int MAX_GROUP = 40;

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private ReferralAnnouncer announcer;

    @Resource
    private SessionContext sessionContext;

    private final Clock clock = Clock.systemUTC();

    /** The most sessions one call reads: a screen's page, never a whole long programme at once. */
    public static final int MAX_SESSIONS_PER_PAGE = 500;

    /** How many sessions a referral the caller's organisation shares has; 0 for a missing or foreign one. */
    public int sessionCount(long referralId) {
        signedInActor.actor(); // refuses a call without a tenant
        if (entityManager.find(Referral.class, referralId) == null) {
            return 0;
        }
        return ((Number) entityManager.createQuery("SELECT COUNT(s) FROM DeliveredSession s WHERE s.referralId = :referral")
                .setParameter("referral", referralId).getSingleResult()).intValue();
    }

    /**
     * One page of the sessions of a referral the caller's organisation shares, the latest first
     * (planned ones ahead, then the most recent); empty for a missing or foreign one. A page that
     * shows sessions is audited.
     *
     * @param offset how many of the latest sessions to skip, at least 0
     * @param limit at most this many, 1 to {@link #MAX_SESSIONS_PER_PAGE}
     */
    public List<SessionEntry> sessionsOf(long referralId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_SESSIONS_PER_PAGE) {
            throw new IllegalArgumentException("a page of sessions is offset >= 0 and 1 to "
                    + MAX_SESSIONS_PER_PAGE + " sessions, not " + offset + "+" + limit);
        }
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            return List.of();
        }
        List<SessionEntry> sessions = entityManager.createQuery("SELECT s FROM DeliveredSession s"
                        + " WHERE s.referralId = :referral"
                        + " ORDER BY s.sessionDate DESC, s.startTime DESC, s.id DESC", DeliveredSession.class)
                .setParameter("referral", referralId)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(DeliveredSession::entry).toList();
        if (!sessions.isEmpty()) {
            auditTrail.record(actor, AuditAction.LIST, referralId, referral.clientId(), SESSION_FIELDS, "referral sessions");
        }
        return sessions;
    }

    /** Plans or records one client's individual session on their referral. */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public SessionEntry recordSession(SessionPlan plan, ClientAttendance client) {
        List<SessionEntry> recorded = record(plan, SessionFormat.INDIVIDUAL, null, List.of(client));
        return recorded.get(0);
    }

    /**
     * Records a group session for many clients at once, in one transaction: each client's record
     * lands on their own referral, all linked as one group. Any refused client refuses the whole
     * group (nothing is stored), naming the field.
     */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public List<SessionEntry> recordGroupSession(SessionPlan plan, List<ClientAttendance> clients) {
        if (clients == null || clients.isEmpty()) {
            throw new SessionRefused("clients", "session.group.empty");
        }
        if (clients.size() > MAX_GROUP) {
            throw new SessionRefused("clients", "session.group.too-large");
        }
        Set<Long> distinct = new HashSet<>();
        for (ClientAttendance client : clients) {
            if (!distinct.add(client.referralId())) {
                throw new SessionRefused("clients", "session.group.twice");
            }
        }
        long groupId = ((Number) entityManager.createNativeQuery("SELECT nextval('session_group_id_seq')")
                .getSingleResult()).longValue();
        return record(plan, SessionFormat.GROUP, groupId, clients);
    }

    /** Records how the client attended a planned session (or corrects a recorded one). */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public SessionEntry recordAttendance(long sessionId, long expectedVersion, ClientAttendance outcome) {
        Actor actor = signedInActor.actor();
        DeliveredSession session = entityManager.find(DeliveredSession.class, sessionId);
        Referral referral = session == null ? null : entityManager.find(Referral.class, session.referralId());
        if (session == null || referral == null || referral.sideOf(actor) != ReferralSide.PARTNER
                || referral.id() != outcome.referralId()) {
            throw new ReferralNotFound();
        }
        if (session.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        session.record(outcome.attendance(), outcome.absenceReason(), outcome.notes(), outcome.concern(),
                actor.username(), clock.instant());
        afterDelivery(referral, actor, outcome);
        PartnerWork.flush(entityManager);
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), SESSION_FIELDS, "session attendance");
        return session.entry();
    }

    /** Moves a planned session to another date and time; the old one stays as history. */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public SessionEntry rescheduleSession(long sessionId, long expectedVersion, SessionPlan newPlan) {
        Actor actor = signedInActor.actor();
        validate(newPlan, true);
        DeliveredSession session = entityManager.find(DeliveredSession.class, sessionId);
        Referral referral = session == null ? null : entityManager.find(Referral.class, session.referralId());
        if (session == null || referral == null || referral.sideOf(actor) != ReferralSide.PARTNER) {
            throw new ReferralNotFound();
        }
        if (session.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        DeliveredSession moved = session.reschedule(newPlan, actor.username(), clock.instant());
        entityManager.persist(moved);
        PartnerWork.flush(entityManager);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), SESSION_FIELDS, "session rescheduled");
        return moved.entry();
    }

    /**
     * The partner's open referrals (accepted, in progress) whose client name or reference contains
     * the text, for choosing the clients of a group session. Each one shown is audited.
     */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public List<GroupCandidate> groupCandidates(String text, int limit) {
        return groupCandidates(text, limit, null);
    }

    /** The same, names sorted as the reader's language sorts them. */
    @RolesAllowed({Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
    public List<GroupCandidate> groupCandidates(String text, int limit, java.util.Locale reader) {
        Actor actor = signedInActor.actor();
        if (limit < 1 || limit > 200) {
            throw new IllegalArgumentException("limit out of range");
        }
        List<Object[]> rows = entityManager.createQuery("SELECT r.id, r.reference, r.client.givenName, r.client.familyName,"
                        + " r.clientId FROM Referral r WHERE r.partnerTenantId = :tenant AND r.sentAt IS NOT NULL"
                        + " AND r.status IN :open AND r.searchKey LIKE :search ESCAPE '\\'"
                        + " ORDER BY " + org.reintegra.persistence.NameCollation.orderBy("r.client.familyName", reader)
                        + ", r.id", Object[].class)
                .setParameter("tenant", actor.tenant().value())
                .setParameter("open", List.of(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS))
                .setParameter("search", LikePattern.containing(text))
                .setMaxResults(limit)
                .getResultList();
        for (Object[] row : rows) {
            auditTrail.record(actor, AuditAction.LIST, (Long) row[0], (Long) row[4], "client.name,reference",
                    "group session candidates");
        }
        return rows.stream().map(row -> new GroupCandidate((Long) row[0], (String) row[1], row[2] + " " + row[3])).toList();
    }

    private List<SessionEntry> record(SessionPlan plan, SessionFormat format, Long groupId, List<ClientAttendance> clients) {
        Actor actor = signedInActor.actor();
        boolean planned = clients.stream().allMatch(c -> c.attendance() == null || c.attendance() == Attendance.PLANNED);
        validate(plan, planned);
        List<DeliveredSession> stored = new java.util.ArrayList<>();
        List<Referral> touched = new java.util.ArrayList<>();
        for (ClientAttendance client : clients) {
            Referral referral = entityManager.find(Referral.class, client.referralId());
            if (referral == null || referral.sideOf(actor) != ReferralSide.PARTNER) {
                throw new ReferralNotFound();
            }
            if (!referral.takesDeliveries()) {
                throw new SessionRefused("clients", "session.referral-not-open");
            }
            DeliveredSession session = new DeliveredSession(referral.agencyTenant(), referral.partnerTenant(),
                    referral.id(), groupId, plan, format, actor.username(), null, actor.username(), clock.instant());
            if (client.attendance() != null && client.attendance() != Attendance.PLANNED) {
                session.record(client.attendance(), client.absenceReason(), client.notes(), client.concern(),
                        actor.username(), clock.instant());
                afterDelivery(referral, actor, client);
            } else {
                session.notePlan(client.notes(), client.concern());
            }
            entityManager.persist(session);
            stored.add(session);
            touched.add(referral);
        }
        PartnerWork.flush(entityManager);
        for (Referral referral : touched) {
            announcer.announce(referral);
            auditTrail.record(actor, AuditAction.CREATE, referral.id(), referral.clientId(), SESSION_FIELDS,
                    format == SessionFormat.GROUP ? "group session" : "session");
        }
        return stored.stream().map(DeliveredSession::entry).toList();
    }

    private void afterDelivery(Referral referral, Actor actor, ClientAttendance client) {
        if (client.attendance() != null && client.attendance().delivered()) {
            referral.deliveryBegan(actor, clock);
        }
        if (client.concern()) {
            referral.concernRaised(actor, clock);
        }
    }

    private static void validate(SessionPlan plan, boolean planning) {
        if (plan == null || plan.date() == null) {
            throw new SessionRefused("date", "session.date.required");
        }
        LocalDate today = LocalDate.now();
        if (!planning && plan.date().isAfter(today)) {
            throw new SessionRefused("date", "session.date.future");
        }
        if (plan.date().isBefore(today.minusYears(1)) || plan.date().isAfter(today.plusYears(1))) {
            throw new SessionRefused("date", "session.date.range");
        }
        if (plan.durationMinutes() < 5 || plan.durationMinutes() > 600) {
            throw new SessionRefused("duration", "session.duration.range");
        }
        if (plan.serviceType() == null) {
            throw new SessionRefused("serviceType", "session.service.required");
        }
    }

}
