package org.reintegra.quality;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.reintegra.access.Actor;
import org.reintegra.access.Roles;
import org.reintegra.access.SignedInActor;
import org.reintegra.audit.AuditAction;
import org.reintegra.audit.AuditTrail;
import org.reintegra.organisation.Organisation;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.referral.ReferralChangedMeanwhile;
import org.reintegra.referral.ReferralNotFound;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantId;

/**
 * Quality reviews. An agency's liaison officer starts one for a partner (a random sample of the
 * partner's referrals from the agency that closed in a period), checks the sampled referrals,
 * raises findings and closes them or opens them again; the partner's admin reads the reviews
 * addressed to it and answers their findings. A review of another pair of organisations looks
 * exactly like a missing one. Every sampled referral shown with its client is audited.
 */
@Stateless
@TenantBound
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class QualityReviewService {

    static final String SAMPLE_FIELDS = "reference,client name,status";

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @EJB
    private SignedInActor signedInActor;

    @EJB
    private AuditTrail auditTrail;

    @Resource
    private SessionContext sessionContext;

    private final Clock clock = Clock.systemUTC();

    /** Whether the caller reviews (an agency's liaison officer) rather than answers (a partner's admin). */
    public boolean reviewer() {
        return side() == OrganisationKind.AGENCY;
    }

    /** The caller's reviews, newest first: those its agency made, or those addressed to its partner. */
    public List<ReviewSummary> reviews() {
        OrganisationKind side = side();
        if (side == null) {
            return List.of();
        }
        List<QualityReview> reviews = entityManager.createQuery("SELECT r FROM QualityReview r WHERE r."
                        + (side == OrganisationKind.AGENCY ? "agencyTenantId" : "partnerTenantId") + " = :tenant"
                        + " ORDER BY r.createdAt DESC, r.id DESC", QualityReview.class)
                .setParameter("tenant", signedInActor.actor().tenant().value()).setMaxResults(200).getResultList();
        Map<String, String> names = names(reviews.stream().flatMap(r -> java.util.stream.Stream.of(
                r.agencyTenant().value(), r.partnerTenant().value())).distinct().toList());
        return reviews.stream().map(r -> summary(r, side, names)).toList();
    }

    /** One review with its sample and findings; empty when it is not the caller's (or missing). */
    public Optional<ReviewDetail> review(long reviewId) {
        Actor actor = signedInActor.actor();
        OrganisationKind side = side();
        QualityReview review = find(reviewId, side);
        if (review == null) {
            return Optional.empty();
        }
        boolean agency = side == OrganisationKind.AGENCY;
        Map<Long, Object[]> referrals = referralFacts(review.items().stream().map(ReviewedReferral::referralId).toList());
        List<SampledReferral> sample = new ArrayList<>();
        for (ReviewedReferral item : review.items()) {
            Object[] facts = referrals.get(item.referralId());
            sample.add(new SampledReferral(item.id(), item.referralId(), (String) facts[0], agency ? (String) facts[1] : null,
                    (String) facts[2], item.results(), item.note(), item.checked(), item.version()));
            auditTrail.record(actor, AuditAction.LIST, item.referralId(), ((Number) facts[3]).longValue(),
                    agency ? SAMPLE_FIELDS : "reference,status", "quality review");
        }
        List<FindingEntry> findings = review.findings().stream().map(f -> new FindingEntry(f.id(), f.referralId(),
                f.referralId() == null ? null : (String) referrals.get(f.referralId())[0], f.finding(),
                f.correctiveAction(), f.dueOn(), f.status(), f.partnerResponse(), f.respondedBy(), f.agencyComment(),
                f.version())).toList();
        return Optional.of(new ReviewDetail(summary(review, side, names(List.of(review.agencyTenant().value(),
                review.partnerTenant().value()))), review.version(), agency, sample, findings));
    }

    /**
     * Starts a review of a partner: up to {@code sampleSize} of its referrals from the caller's
     * agency that were completed or ended early in the period, chosen at random.
     */
    @RolesAllowed(Roles.AGENCY_LIAISON)
    @SuppressWarnings("unchecked")
    public long start(org.reintegra.organisation.OrganisationSummary partnerChosen, String title, LocalDate from,
                      LocalDate to, int sampleSize) {
        Actor actor = requireReviewer();
        if (partnerChosen == null) {
            throw new QualityRefused("partner", "quality.partner-required");
        }
        String partner = partnerChosen.id().value();
        if (sampleSize < 1 || sampleSize > QualityReview.MAX_SAMPLE) {
            throw new QualityRefused("sample", "quality.sample-too-large");
        }
        if (from == null || to == null || to.isBefore(from)) {
            throw new QualityRefused("period", "quality.period-invalid");
        }
        List<Number> sampled = entityManager.createNativeQuery("SELECT m.referral_id FROM referral_measure m"
                        + " WHERE m.agency_tenant_id = ?1 AND m.partner_tenant_id = ?2"
                        + " AND m.conclusion IS NOT NULL AND m.concluded_at >= ?3 AND m.concluded_at < ?4"
                        + " ORDER BY random() LIMIT " + sampleSize)
                .setParameter(1, actor.tenant().value()).setParameter(2, partner)
                .setParameter(3, java.sql.Timestamp.valueOf(from.atStartOfDay()))
                .setParameter(4, java.sql.Timestamp.valueOf(to.plusDays(1).atStartOfDay()))
                .getResultList();
        QualityReview review = new QualityReview(actor.tenant(), TenantId.of(partner), title, from, to,
                sampled.stream().map(Number::longValue).sorted().toList(), actor.username(), clock.instant());
        entityManager.persist(review);
        entityManager.flush();
        Map<Long, Object[]> facts = referralFacts(review.items().stream().map(ReviewedReferral::referralId).toList());
        for (ReviewedReferral item : review.items()) {
            auditTrail.record(actor, AuditAction.CREATE, item.referralId(),
                    ((Number) facts.get(item.referralId())[3]).longValue(), "sampled for a quality review", "quality review");
        }
        return review.id();
    }

    @RolesAllowed(Roles.AGENCY_LIAISON)
    public void check(long reviewId, long itemId, long expectedItemVersion, Map<QualityCheck, CheckResult> results,
                      String note) {
        Actor actor = requireReviewer();
        QualityReview review = require(reviewId, OrganisationKind.AGENCY);
        ReviewedReferral item = review.item(itemId).orElseThrow(ReferralNotFound::new);
        if (item.version() != expectedItemVersion) {
            throw new ReferralChangedMeanwhile();
        }
        review.check(itemId, results, note, actor.username(), clock.instant());
        flush();
        auditTrail.record(actor, AuditAction.CHANGE, item.referralId(), clientOf(item.referralId()), "quality checklist",
                "quality review");
    }

    @RolesAllowed(Roles.AGENCY_LIAISON)
    public long raise(long reviewId, Long referralId, String finding, String correctiveAction, LocalDate dueOn) {
        Actor actor = requireReviewer();
        QualityReview review = require(reviewId, OrganisationKind.AGENCY);
        QualityFinding raised = review.raise(referralId, finding, correctiveAction, dueOn, actor.username(),
                clock.instant());
        entityManager.persist(raised);
        flush();
        auditFinding(actor, raised, AuditAction.CREATE);
        return raised.id();
    }

    @RolesAllowed(Roles.PARTNER_ADMIN)
    public void answer(long findingId, long expectedVersion, String response) {
        Actor actor = signedInActor.actor();
        QualityFinding finding = findingOf(findingId, OrganisationKind.PARTNER, expectedVersion);
        finding.answer(response, actor.username(), clock.instant());
        flush();
        auditFinding(actor, finding, AuditAction.CHANGE);
    }

    @RolesAllowed(Roles.AGENCY_LIAISON)
    public void closeFinding(long findingId, long expectedVersion) {
        Actor actor = requireReviewer();
        QualityFinding finding = findingOf(findingId, OrganisationKind.AGENCY, expectedVersion);
        finding.close(actor.username(), clock.instant());
        flush();
        auditFinding(actor, finding, AuditAction.CHANGE);
    }

    @RolesAllowed(Roles.AGENCY_LIAISON)
    public void reopenFinding(long findingId, long expectedVersion, String comment) {
        Actor actor = requireReviewer();
        QualityFinding finding = findingOf(findingId, OrganisationKind.AGENCY, expectedVersion);
        finding.reopen(comment);
        flush();
        auditFinding(actor, finding, AuditAction.CHANGE);
    }

    @RolesAllowed(Roles.AGENCY_LIAISON)
    public void close(long reviewId, long expectedVersion) {
        Actor actor = requireReviewer();
        QualityReview review = require(reviewId, OrganisationKind.AGENCY);
        if (review.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        review.close(actor.username(), clock.instant());
        flush();
    }

    private QualityFinding findingOf(long findingId, OrganisationKind side, long expectedVersion) {
        if (side() != side) {
            throw new ReferralNotFound();
        }
        QualityFinding finding = entityManager.find(QualityFinding.class, findingId);
        String tenant = signedInActor.actor().tenant().value();
        if (finding == null || !(side == OrganisationKind.AGENCY ? finding.agencyTenant() : finding.partnerTenant())
                .value().equals(tenant)) {
            throw new ReferralNotFound();
        }
        if (finding.version() != expectedVersion) {
            throw new ReferralChangedMeanwhile();
        }
        return finding;
    }

    private QualityReview require(long reviewId, OrganisationKind side) {
        QualityReview review = find(reviewId, side);
        if (review == null) {
            throw new ReferralNotFound();
        }
        return review;
    }

    private QualityReview find(long reviewId, OrganisationKind side) {
        if (side == null) {
            return null;
        }
        QualityReview review = entityManager.find(QualityReview.class, reviewId);
        String tenant = signedInActor.actor().tenant().value();
        if (review == null || !(side == OrganisationKind.AGENCY ? review.agencyTenant() : review.partnerTenant())
                .value().equals(tenant)) {
            return null;
        }
        return review;
    }

    private Actor requireReviewer() {
        if (side() != OrganisationKind.AGENCY) {
            throw new ReferralNotFound();
        }
        return signedInActor.actor();
    }

    /** AGENCY for a liaison officer in an agency, PARTNER for an admin in a partner, otherwise none. */
    private OrganisationKind side() {
        return org.reintegra.performance.PerformanceSide.of(entityManager, signedInActor.actor(),
                sessionContext::isCallerInRole).map(side -> side == org.reintegra.performance.PerformanceSide.AGENCY
                ? OrganisationKind.AGENCY : OrganisationKind.PARTNER).orElse(null);
    }

    private ReviewSummary summary(QualityReview review, OrganisationKind side, Map<String, String> names) {
        String other = side == OrganisationKind.AGENCY ? review.partnerTenant().value() : review.agencyTenant().value();
        int checked = (int) review.items().stream().filter(ReviewedReferral::checked).count();
        int notClosed = (int) review.findings().stream().filter(f -> f.status() != FindingStatus.CLOSED).count();
        return new ReviewSummary(review.id(), review.title(), names.getOrDefault(other, other), review.periodFrom(),
                review.periodTo(), review.status(), review.items().size(), checked, notClosed, review.createdAt());
    }

    private Map<String, String> names(List<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Organisation organisation : entityManager.createQuery("SELECT o FROM Organisation o WHERE o.id IN :ids",
                Organisation.class).setParameter("ids", ids).getResultList()) {
            names.put(organisation.id().value(), organisation.name());
        }
        return names;
    }

    /** Reference, client name, status and client id of each referral (one query). */
    @SuppressWarnings("unchecked")
    private Map<Long, Object[]> referralFacts(List<Long> referralIds) {
        Map<Long, Object[]> facts = new HashMap<>();
        if (referralIds.isEmpty()) {
            return facts;
        }
        StringBuilder placeholders = new StringBuilder();
        for (int i = 1; i <= referralIds.size(); i++) {
            placeholders.append(i == 1 ? "?" : ", ?").append(i);
        }
        jakarta.persistence.Query query = entityManager.createNativeQuery("SELECT r.id, r.reference,"
                + " r.client_given_name || ' ' || r.client_family_name, r.status, r.client_id FROM referral r"
                + " WHERE r.id IN (" + placeholders + ")");
        for (int i = 0; i < referralIds.size(); i++) {
            query.setParameter(i + 1, referralIds.get(i));
        }
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            facts.put(((Number) columns[0]).longValue(), new Object[] {columns[1], columns[2], columns[3], columns[4]});
        }
        return facts;
    }

    private long clientOf(long referralId) {
        return ((Number) referralFacts(List.of(referralId)).get(referralId)[3]).longValue();
    }

    /** A finding about one sampled referral is about its client: audited like any change of it. */
    private void auditFinding(Actor actor, QualityFinding finding, AuditAction action) {
        if (finding.referralId() != null) {
            auditTrail.record(actor, action, finding.referralId(), clientOf(finding.referralId()), "quality finding",
                    "quality review");
        }
    }

    private void flush() {
        try {
            entityManager.flush();
        } catch (OptimisticLockException changedByAnotherTransaction) {
            throw new ReferralChangedMeanwhile();
        }
    }
}
