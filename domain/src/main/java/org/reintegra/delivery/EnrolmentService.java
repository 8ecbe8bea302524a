package org.reintegra.delivery;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralAnnouncer;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.referral.ReferralSide;
import org.reintegra.referral.ServiceType;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Colleges: courses with intakes and seats, and the enrolment of referred clients. The registrar
 * offers a place, confirms or declines it, and records completion (certificate number) or dropout.
 * Confirming takes a seat with one conditional update ({@code seats_taken < seats}), so concurrent
 * confirmations can never overbook an intake; a confirmed enrolment moves an accepted referral to
 * In progress. The agency reads enrolments on its referrals.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_OFFICER, Roles.AGENCY_LIAISON, Roles.PARTNER_STAFF, Roles.COLLEGE_REGISTRAR})
public class EnrolmentService {

    static final String ENROLMENT_FIELDS = "enrolment(course,status,reason,certificate)";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Inject
    private ReferralAnnouncer announcer;

    @Inject
    private CurrentTenant currentTenant;

    private final Clock clock = Clock.systemUTC();

    /** The caller's organisation's intakes, newest start first, with their seats. */
    @RolesAllowed({Roles.COLLEGE_REGISTRAR, Roles.PARTNER_ADMIN})
    public List<IntakeSummary> intakes() {
        return entityManager.createQuery("SELECT NEW org.reintegra.delivery.IntakeSummary(i.id, c.id, c.title,"
                        + " i.startsOn, i.endsOn, i.seats, i.seatsTaken) FROM CourseIntake i, Course c"
                        + " WHERE c.id = i.courseId ORDER BY i.startsOn DESC, i.id", IntakeSummary.class)
                .setMaxResults(500)
                .getResultList();
    }

    /** Publishes a course with its first intake. */
    @RolesAllowed({Roles.COLLEGE_REGISTRAR, Roles.PARTNER_ADMIN})
    public IntakeSummary addCourseIntake(String title, String qualification, LocalDate startsOn, LocalDate endsOn,
                                         int seats) {
        if (title == null || title.isBlank() || title.strip().length() > 200) {
            throw new SessionRefused("title", "course.title.required");
        }
        if (startsOn == null || endsOn == null || endsOn.isBefore(startsOn)) {
            throw new SessionRefused("endsOn", "course.dates.invalid");
        }
        if (seats < 1 || seats > 1000) {
            throw new SessionRefused("seats", "course.seats.range");
        }
        Course course = new Course(title.strip(), qualification == null || qualification.isBlank() ? null
                : qualification.strip(), ServiceType.PROFESSIONAL_RETRAINING);
        entityManager.persist(course);
        entityManager.flush();
        CourseIntake intake = new CourseIntake(course.id(), startsOn, endsOn, seats);
        entityManager.persist(intake);
        entityManager.flush();
        return new IntakeSummary(intake.id(), course.id(), course.title(), startsOn, endsOn, seats, 0);
    }

    /** The enrolments of a referral the caller's organisation shares. */
    public List<EnrolmentEntry> enrolmentsOf(long referralId) {
        Actor actor = signedInActor.actor();
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            return List.of();
        }
        List<EnrolmentEntry> found = entityManager.createQuery("SELECT e FROM Enrolment e WHERE e.referralId = :referral"
                        + " ORDER BY e.id", Enrolment.class)
                .setParameter("referral", referralId).getResultStream().map(Enrolment::entry).toList();
        if (!found.isEmpty()) {
            auditTrail.record(actor, AuditAction.LIST, referralId, referral.clientId(), ENROLMENT_FIELDS, "referral enrolments");
        }
        return found;
    }

    /** The enrolments on one intake of the caller's college, for the registrar's intake screen. */
    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public List<EnrolmentEntry> enrolmentsOnIntake(long intakeId) {
        return entityManager.createQuery("SELECT e FROM Enrolment e WHERE e.partnerTenantId = :tenant"
                        + " AND e.intakeId = :intake ORDER BY e.id", Enrolment.class)
                .setParameter("tenant", currentTenant.require().value())
                .setParameter("intake", intakeId)
                .setMaxResults(1000)
                .getResultStream().map(Enrolment::entry).toList();
    }

    /** The registrar offers the referred client a place on an intake. */
    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public EnrolmentEntry offerPlace(long referralId, long intakeId) {
        Actor actor = signedInActor.actor();
        Referral referral = PartnerWork.partnersReferral(entityManager, referralId, actor);
        if (!referral.takesDeliveries()) {
            throw new SessionRefused("referral", "session.referral-not-open");
        }
        CourseIntake intake = entityManager.find(CourseIntake.class, intakeId);
        if (intake == null) {
            throw new SessionRefused("intake", "enrolment.intake.unknown");
        }
        long open = entityManager.createQuery("SELECT COUNT(e) FROM Enrolment e WHERE e.referralId = :referral"
                        + " AND e.status IN :open", Long.class)
                .setParameter("referral", referralId)
                .setParameter("open", List.of(EnrolmentStatus.OFFERED, EnrolmentStatus.CONFIRMED))
                .getSingleResult();
        if (open > 0) {
            throw new SessionRefused("intake", "enrolment.already-open");
        }
        Course course = entityManager.find(Course.class, intake.courseId());
        Enrolment enrolment = new Enrolment(referral.agencyTenant(), referral.partnerTenant(), referralId, intake,
                course.title(), actor.username(), clock.instant());
        entityManager.persist(enrolment);
        PartnerWork.flush(entityManager);
        auditTrail.record(actor, AuditAction.CREATE, referralId, referral.clientId(), ENROLMENT_FIELDS, "place offered");
        return enrolment.entry();
    }

    /**
     * Confirms the enrolment: takes one seat of its intake (refused when none is left, even when
     * another registrar confirms at the same moment) and moves an accepted referral to In progress.
     */
    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public EnrolmentEntry confirm(long enrolmentId, long expectedVersion) {
        Actor actor = signedInActor.actor();
        Enrolment enrolment = current(enrolmentId, expectedVersion);
        Referral referral = PartnerWork.partnersReferral(entityManager, enrolment.referralId(), actor);
        if (enrolment.status() != EnrolmentStatus.OFFERED) {
            throw new SessionRefused("status", "enrolment.not-allowed." + enrolment.status().name());
        }
        int taken = entityManager.createNativeQuery("UPDATE course_intake SET seats_taken = seats_taken + 1,"
                        + " version = version + 1 WHERE tenant_id = ?1 AND id = ?2 AND seats_taken < seats")
                .setParameter(1, currentTenant.require().value())
                .setParameter(2, enrolment.intakeId())
                .executeUpdate();
        if (taken == 0) {
            throw new SessionRefused("intake", "enrolment.intake.full");
        }
        enrolment.confirm(actor.username(), clock.instant());
        referral.deliveryBegan(actor, clock);
        PartnerWork.flush(entityManager);
        announcer.announce(referral);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), ENROLMENT_FIELDS,
                "enrolment confirmed");
        return enrolment.entry();
    }

    /**
     * Confirms every offered place on an intake, in order, while seats last; returns how many were
     * confirmed. Each confirmation takes its seat like a single one.
     */
    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public int confirmAllOffered(long intakeId) {
        int confirmed = 0;
        for (EnrolmentEntry offered : enrolmentsOnIntake(intakeId)) {
            if (offered.status() != EnrolmentStatus.OFFERED) {
                continue;
            }
            int seatsLeft = ((Number) entityManager.createNativeQuery("SELECT seats - seats_taken FROM course_intake"
                    + " WHERE tenant_id = ?1 AND id = ?2").setParameter(1, currentTenant.require().value())
                    .setParameter(2, intakeId).getSingleResult()).intValue();
            if (seatsLeft <= 0) {
                break;
            }
            confirm(offered.id(), offered.version());
            confirmed++;
        }
        return confirmed;
    }

    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public EnrolmentEntry decline(long enrolmentId, long expectedVersion, EnrolmentDeclineReason reason, String text) {
        return change(enrolmentId, expectedVersion, "enrolment declined",
                (enrolment, actor) -> enrolment.decline(reason, text, actor.username(), clock.instant()));
    }

    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public EnrolmentEntry complete(long enrolmentId, long expectedVersion, String certificateNumber) {
        return change(enrolmentId, expectedVersion, "enrolment completed",
                (enrolment, actor) -> enrolment.complete(certificateNumber, actor.username(), clock.instant()));
    }

    @RolesAllowed(Roles.COLLEGE_REGISTRAR)
    public EnrolmentEntry dropOut(long enrolmentId, long expectedVersion, DropoutReason reason, String text) {
        return change(enrolmentId, expectedVersion, "enrolment dropout",
                (enrolment, actor) -> enrolment.dropOut(reason, text, actor.username(), clock.instant()));
    }

    private EnrolmentEntry change(long enrolmentId, long expectedVersion, String purpose,
                                  java.util.function.BiConsumer<Enrolment, Actor> command) {
        Actor actor = signedInActor.actor();
        Enrolment enrolment = current(enrolmentId, expectedVersion);
        Referral referral = PartnerWork.partnersReferral(entityManager, enrolment.referralId(), actor);
        command.accept(enrolment, actor);
        PartnerWork.flush(entityManager);
        auditTrail.record(actor, AuditAction.CHANGE, referral.id(), referral.clientId(), ENROLMENT_FIELDS, purpose);
        return enrolment.entry();
    }

    private Enrolment current(long enrolmentId, long expectedVersion) {
        Enrolment enrolment = entityManager.find(Enrolment.class, enrolmentId);
        if (enrolment == null) {
            throw new ReferralNotFound();
        }
        if (enrolment.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        return enrolment;
    }


}
