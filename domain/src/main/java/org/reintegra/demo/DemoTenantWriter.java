package org.reintegra.demo;

import static org.reintegra.demo.DemoTenants.JUSTICE_ART_NGO;
import static org.reintegra.demo.DemoTenants.NEW_PATH_NGO;
import static org.reintegra.demo.DemoTenants.PENITENTIARY_SERVICE;
import static org.reintegra.demo.DemoTenants.PROBATION_AGENCY;
import static org.reintegra.demo.DemoTenants.VOCATIONAL_COLLEGE;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reintegra.access.Actor;
import org.reintegra.client.Client;
import org.reintegra.client.Sex;
import org.reintegra.organisation.Organisation;
import org.reintegra.referral.CustodyStatus;
import org.reintegra.referral.DeclineReason;
import org.reintegra.referral.DesiredOutcome;
import org.reintegra.referral.LegalBasis;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.Referral;
import org.reintegra.referral.ReferralDraft;
import org.reintegra.referral.ReferralStatus;
import org.reintegra.referral.ServiceType;
import org.reintegra.referral.WithdrawalReason;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;
import org.reintegra.tenancy.TenantId;

/** The per-tenant steps of the demo data, each in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DemoTenantWriter {

    private record DemoReferral(String clientReference, String givenName, String familyName, LocalDate dateOfBirth,
                                Sex sex, String language, TenantId partner, ProgrammeArea area, ServiceType service,
                                String reason, String risk, CustodyStatus custody, int daysAgo, PartnerStep step) {
    }

    private static final List<DemoReferral> PROBATION_AGENCY_REFERRALS = List.of(
            new DemoReferral("NPA-C-1001", "გიორგი", "ბერიძე", LocalDate.of(1988, 3, 14), Sex.MALE, "ka",
                    JUSTICE_ART_NGO, ProgrammeArea.PSYCHOSOCIAL_REHABILITATION, ServiceType.LEGAL_ASSISTANCE,
                    "Needs help restoring identity documents and a pending civil case.",
                    "No known risk to staff.", CustodyStatus.IN_COMMUNITY, 20, PartnerStep.ACCEPT_AND_START),
            new DemoReferral("NPA-C-1002", "Нурлан", "Абенов", LocalDate.of(1979, 11, 2), Sex.MALE, "ru",
                    NEW_PATH_NGO, ProgrammeArea.OVERCOMING_ADDICTIONS, ServiceType.ADDICTION_PROGRAMME,
                    "Completed detox; wants the relapse prevention programme.",
                    "Avoid meeting alone in the evening.", CustodyStatus.IN_COMMUNITY, 15, PartnerStep.ACCEPT),
            new DemoReferral("NPA-C-1003", "Айгүл", "Токтогулова", LocalDate.of(1995, 6, 21), Sex.FEMALE, "ky",
                    VOCATIONAL_COLLEGE, ProgrammeArea.EMPLOYMENT_PROMOTION, ServiceType.PROFESSIONAL_RETRAINING,
                    "Wants to retrain as a seamstress before release.",
                    "None relevant to training.", CustodyStatus.IN_CUSTODY, 12, PartnerStep.LEAVE_NEW),
            new DemoReferral("NPA-C-1004", "Levan", "Tsiklauri", LocalDate.of(2007, 1, 30), Sex.MALE, "ka",
                    JUSTICE_ART_NGO, ProgrammeArea.PSYCHOSOCIAL_REHABILITATION, ServiceType.ART_THERAPY,
                    "Juvenile; the officer recommends art therapy in a small group.",
                    "Low risk.", CustodyStatus.IN_COMMUNITY, 9, PartnerStep.LEAVE_NEW),
            new DemoReferral("NPA-C-1005", "Мария", "Иванова", LocalDate.of(1990, 9, 9), Sex.FEMALE, "ru",
                    NEW_PATH_NGO, ProgrammeArea.PROSOCIAL_BEHAVIOUR, ServiceType.PSYCHOLOGICAL_CONSULTATION,
                    "Emotion regulation programme and family consultation.",
                    "History of self-harm; follow the safety plan.", CustodyStatus.IN_COMMUNITY, 30, PartnerStep.DECLINE),
            new DemoReferral("NPA-C-1006", "ნინო", "ჯაფარიძე", LocalDate.of(1985, 4, 17), Sex.FEMALE, "ka",
                    VOCATIONAL_COLLEGE, ProgrammeArea.EDUCATION_PROMOTION, ServiceType.PROFESSIONAL_RETRAINING,
                    "Accounting course; has completed secondary school.",
                    "None relevant to training.", CustodyStatus.IN_COMMUNITY, 7, PartnerStep.ACCEPT),
            new DemoReferral("NPA-C-1007", "Данияр", "Касымов", LocalDate.of(1999, 12, 1), Sex.MALE, "kk",
                    NEW_PATH_NGO, ProgrammeArea.OVERCOMING_ADDICTIONS, ServiceType.ADDICTION_PROGRAMME,
                    "Gambling addiction rehabilitation programme.",
                    "No known risk to staff.", CustodyStatus.IN_COMMUNITY, 4, PartnerStep.PUT_ON_HOLD),
            new DemoReferral("NPA-C-1008", "Elena", "Popescu", LocalDate.of(1983, 8, 25), Sex.FEMALE, "en",
                    JUSTICE_ART_NGO, ProgrammeArea.PSYCHOSOCIAL_REHABILITATION, ServiceType.LEGAL_ASSISTANCE,
                    "Advice on benefits after release and housing rights.",
                    "No known risk to staff.", CustodyStatus.IN_CUSTODY, 2, PartnerStep.LEAVE_NEW));

    private static final List<DemoReferral> PENITENTIARY_SERVICE_REFERRALS = List.of(
            new DemoReferral("PEN-C-2001", "Айбек", "Жумабаев", LocalDate.of(1987, 5, 5), Sex.MALE, "ky",
                    JUSTICE_ART_NGO, ProgrammeArea.PSYCHOSOCIAL_REHABILITATION, ServiceType.LEGAL_ASSISTANCE,
                    "Preparing for release; needs legal advice on a housing dispute.",
                    "Low risk.", CustodyStatus.IN_CUSTODY, 10, PartnerStep.ACCEPT),
            new DemoReferral("PEN-C-2002", "Ержан", "Сапаров", LocalDate.of(1992, 2, 28), Sex.MALE, "kk",
                    VOCATIONAL_COLLEGE, ProgrammeArea.EMPLOYMENT_PROMOTION, ServiceType.PROFESSIONAL_RETRAINING,
                    "Welding course, intake after release.",
                    "None relevant to training.", CustodyStatus.IN_CUSTODY, 5, PartnerStep.LEAVE_NEW));

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @jakarta.inject.Inject
    private CurrentTenant currentTenant;

    public long organisationCount() {
        return entityManager.createQuery("SELECT COUNT(o) FROM Organisation o", Long.class).getSingleResult();
    }

    public void registerOrganisations(List<Organisation> organisations) {
        organisations.forEach(entityManager::persist);
    }

    @TenantBound
    public Map<Long, PartnerStep> sendProbationAgencyReferrals() {
        requireTenant(PROBATION_AGENCY);
        Map<Long, PartnerStep> sent = send(new Actor("officer.nino", PROBATION_AGENCY), "NPA", "Tbilisi probation office",
                PROBATION_AGENCY_REFERRALS);
        draftOnly(new Actor("officer.nino", PROBATION_AGENCY));
        return sent;
    }

    @TenantBound
    public Map<Long, PartnerStep> sendPenitentiaryServiceReferrals() {
        requireTenant(PENITENTIARY_SERVICE);
        return send(new Actor("officer.aibek", PENITENTIARY_SERVICE), "PEN", "Bishkek pre-release unit",
                PENITENTIARY_SERVICE_REFERRALS);
    }

    /** The partner's caseworker works the referrals that reached this partner. */
    /** The bound partner's service catalogue. */
    @TenantBound
    public Void publishCatalogue() {
        org.reintegra.catalogue.DemoCatalogue.publish(entityManager, currentTenant.require());
        return null;
    }

    /** The college's courses: a welding course with 12 seats and a cooking course with 2. */
    @TenantBound
    public Void publishCollegeCourses() {
        requireTenant(VOCATIONAL_COLLEGE);
        org.reintegra.delivery.DemoCourses.publish(entityManager);
        return null;
    }

    @TenantBound
    public Void workAsPartner(Map<Long, PartnerStep> fromProbation, Map<Long, PartnerStep> fromPenitentiary,
                              String caseworker) {
        TenantId partner = currentTenant.require();
        Actor actor = new Actor(caseworker, partner);
        Map<Long, PartnerStep> all = new LinkedHashMap<>(fromProbation);
        all.putAll(fromPenitentiary);
        all.forEach((id, step) -> {
            Referral referral = entityManager.find(Referral.class, id);
            if (referral == null || !referral.partnerTenant().equals(partner) || referral.status() != ReferralStatus.SENT) {
                return; // another partner's referral: invisible here, as it should be
            }
            Clock clock = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
            switch (step) {
                case ACCEPT -> referral.accept(actor, caseworker, clock);
                case ACCEPT_AND_START -> {
                    referral.accept(actor, caseworker, clock);
                    referral.start(actor, Clock.systemUTC());
                }
                case DECLINE -> referral.decline(actor, DeclineReason.NO_CAPACITY, "Group is full until spring.", clock);
                case PUT_ON_HOLD -> {
                    referral.accept(actor, caseworker, clock);
                    referral.putOnHold(actor, "Client in hospital", Clock.systemUTC());
                }
                case LEAVE_NEW -> {
                    // stays in the partner's New list
                }
            }
        });
        return null;
    }

    private Map<Long, PartnerStep> send(Actor officer, String prefix, String office, List<DemoReferral> referrals) {
        Map<Long, PartnerStep> sent = new LinkedHashMap<>();
        for (DemoReferral demo : referrals) {
            Clock then = Clock.offset(Clock.systemUTC(), Duration.ofDays(-demo.daysAgo()));
            Client client = new Client(demo.clientReference(), demo.givenName(), demo.familyName(), demo.dateOfBirth(),
                    demo.sex(), demo.language(), null, null, then.instant());
            entityManager.persist(client);
            Referral referral = Referral.draft(officer, client, demo.partner(),
                    new ReferralDraft(demo.area(), demo.service(), demo.reason(), demo.risk(),
                            Set.of(DesiredOutcome.ENGAGES_WITH_SERVICE, DesiredOutcome.forService(demo.service()).get(
                                    DesiredOutcome.forService(demo.service()).size() - 1)),
                            demo.custody(),
                            demo.custody() == CustodyStatus.IN_CUSTODY ? LocalDate.now().plusMonths(4) : null,
                            LocalDate.now().plusMonths(6), LegalBasis.PROBATION_CONDITION, null, office,
                            // written for every partner; each sees it only when its service needs it
                            "Treated for opioid dependence 2023-2024; on no medication now.",
                            "Appeal pending at the regional court; next hearing in two months."), then);
            entityManager.persist(referral);
            referral.assignReference(prefix);
            referral.send(officer, then);
            sent.put(referral.id(), demo.step());
        }
        return sent;
    }

    /**
     * Two drafts the partner must never see: one not sent yet, one withdrawn as entered in error
     * before it was sent (its history exists, but only the agency sees it).
     */
    private void draftOnly(Actor officer) {
        Client client = new Client("NPA-C-1009", "Tamar", "Kvaratskhelia", LocalDate.of(1993, 10, 10), Sex.FEMALE,
                "ka", null, null, Clock.systemUTC().instant());
        entityManager.persist(client);
        Referral referral = Referral.draft(officer, client, NEW_PATH_NGO,
                new ReferralDraft(ProgrammeArea.PROSOCIAL_BEHAVIOUR, ServiceType.PROSOCIAL_PROGRAMME,
                        "Interpersonal communication programme (draft).", null,
                        Set.of(DesiredOutcome.PROSOCIAL_SKILLS_IMPROVED), CustodyStatus.IN_COMMUNITY, null,
                        LocalDate.now().plusMonths(3), LegalBasis.CLIENT_CONSENT, LocalDate.now().minusDays(2),
                        "Tbilisi probation office"), Clock.systemUTC());
        entityManager.persist(referral);
        referral.assignReference("NPA");

        Client duplicate = new Client("NPA-C-1010", "Асель", "Нурланова", LocalDate.of(1997, 3, 3), Sex.FEMALE,
                "kk", null, null, Clock.systemUTC().instant());
        entityManager.persist(duplicate);
        Referral mistaken = Referral.draft(officer, duplicate, NEW_PATH_NGO,
                new ReferralDraft(ProgrammeArea.OVERCOMING_ADDICTIONS, ServiceType.ADDICTION_PROGRAMME,
                        "Started for the wrong client.", null, Set.of(), CustodyStatus.IN_COMMUNITY, null,
                        LocalDate.now().plusMonths(3), null, null, "Tbilisi probation office"), Clock.systemUTC());
        entityManager.persist(mistaken);
        mistaken.assignReference("NPA");
        mistaken.withdraw(officer, WithdrawalReason.ENTERED_IN_ERROR, "Drafted for the wrong client", Clock.systemUTC());
    }

    private void requireTenant(TenantId expected) {
        if (!currentTenant.require().equals(expected)) {
            throw new IllegalStateException("demo step for " + expected + " run as " + currentTenant.require());
        }
    }
}
