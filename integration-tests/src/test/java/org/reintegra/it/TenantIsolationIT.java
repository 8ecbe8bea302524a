package org.reintegra.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.reintegra.client.ClientService;
import org.reintegra.referral.InboxQuery;
import org.reintegra.referral.ReferralService;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reintegra.demo.DemoTenants;
import org.reintegra.it.IsolationProbe.LeakStep;
import org.reintegra.it.IsolationProbe.Observation;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBinding;
import org.reintegra.tenancy.TenantId;

/**
 * Both walls of tenant isolation, inside the running portal (Payara Micro, the real pool, real
 * PostgreSQL with the demo data): whatever path the code takes, a tenant reads, changes and deletes
 * only its own rows, and each wall holds on its own.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

    private static final TenantId AGENCY = DemoTenants.PROBATION_AGENCY;
    private static final TenantId OTHER_AGENCY = DemoTenants.PENITENTIARY_SERVICE;
    private static final TenantId PARTNER = DemoTenants.JUSTICE_ART_NGO;
    private static final TenantId OTHER_PARTNER = DemoTenants.NEW_PATH_NGO;

    @Deployment
    static WebArchive deployment() {
        return Deployments.portalWithTests(TenantIsolationIT.class, IsolationProbe.class,
                IsolationProbe.Observation.class, IsolationProbe.LeakStep.class, IsolationProbe.ProbeRollback.class,
                RegistrarProbe.class, AdminProbe.class, OfficerProbe.class, KeycloakAdmin.class);
    }

    @EJB
    IsolationProbe probe;

    @EJB
    ReferralService referrals;

    @EJB
    ClientService clients;

    @EJB
    org.reintegra.notification.NotificationService notifications;

    @EJB
    org.reintegra.staff.StaffDirectory staff;

    @EJB
    org.reintegra.intake.Idempotency idempotency;

    @EJB
    org.reintegra.intake.IntakeTransaction intake;

    @EJB
    org.reintegra.referral.ReferralAttachments attachments;

    @EJB
    org.reintegra.delivery.DeliveryService delivery;

    @EJB
    org.reintegra.delivery.EnrolmentService enrolmentService;

    @EJB
    org.reintegra.delivery.CardService cardService;

    @EJB
    RegistrarProbe registrar;

    @EJB
    OfficerProbe officer;

    @EJB
    org.reintegra.access.ScreenTransaction screen;


    @EJB
    org.reintegra.catalogue.ServiceCatalogue catalogue;

    @EJB
    org.reintegra.catalogue.ServiceDirectory directory;

    @EJB
    org.reintegra.delivery.ActionPlanService actionPlans;

    @EJB
    org.reintegra.outcome.OutcomeService outcomeService;

    @EJB
    org.reintegra.performance.PerformanceService performance;

    @EJB
    org.reintegra.quality.QualityReviewService quality;

    @EJB
    org.reintegra.audit.AuditViewer auditViewer;

    @EJB
    org.reintegra.subjectaccess.SubjectAccessService subjectAccess;

    @EJB
    org.reintegra.staffaccess.StaffAccessService staffAccess;

    @EJB
    org.reintegra.onboarding.TenantOnboardingService onboarding;

    @EJB
    org.reintegra.onboarding.OnboardingRecords onboardingRecords;

    @EJB
    AdminProbe partnerAdmin;

    @EJB
    org.reintegra.notification.MailOutbox mailOutbox;

    @jakarta.inject.Inject
    org.eclipse.microprofile.metrics.MetricRegistry metricRegistry;

    @org.jboss.arquillian.test.api.ArquillianResource
    java.net.URL portal;

    /**
     * Services check roles themselves (default deny): with a tenant bound but no signed-in user
     * holding a role, every operation is refused before it touches data.
     */
    @Test
    void everyFeatureServiceOperationRefusesACallerWithoutARole() throws Exception {
        Map<String, Runnable> operations = new java.util.LinkedHashMap<>();
        operations.put("inboxViews", () -> referrals.inboxViews());
        operations.put("inboxPage", () -> referrals.inboxPage(InboxQuery.all(), 0, 10));
        operations.put("inboxCounts", () -> referrals.inboxCounts(InboxQuery.all()));
        operations.put("sendingOffices", () -> referrals.sendingOffices());
        operations.put("findReferral", () -> referrals.findReferral(1));
        operations.put("mayDraftReferrals", () -> referrals.mayDraftReferrals());
        operations.put("draftReferral", () -> referrals.draftReferral(1, PARTNER, null));
        operations.put("draftAndSendReferral", () -> referrals.draftAndSendReferral(1, PARTNER, null));
        operations.put("openReferralsForSameService", () -> referrals.openReferralsForSameService(1,
                org.reintegra.referral.ServiceType.ART_THERAPY));
        operations.put("sendReferral", () -> referrals.sendReferral(1, 1));
        operations.put("acceptReferral", () -> referrals.acceptReferral(1, 1));
        operations.put("declineReferral", () -> referrals.declineReferral(1, 1, null, null));
        operations.put("putReferralOnHold", () -> referrals.putReferralOnHold(1, 1, "x"));
        operations.put("resumeReferral", () -> referrals.resumeReferral(1, 1));
        operations.put("withdrawReferral", () -> referrals.withdrawReferral(1, 1, null, null));
        operations.put("writeNote", () -> referrals.writeNote(1, "x", false));
        operations.put("acceptReferral(caseworker)", () -> referrals.acceptReferral(1, 1, "x"));
        operations.put("reassignReferral", () -> referrals.reassignReferral(1, 1, "x", "x"));
        operations.put("amendReferral", () -> referrals.amendReferral(1, 1, null, "x"));
        operations.put("reviseDraft", () -> referrals.reviseDraft(1, 1, null));
        operations.put("changedSince", () -> referrals.changedSince(java.time.Instant.EPOCH, 0, 10));
        operations.put("clientForCaseNumber", () -> clients.clientForCaseNumber(null));
        operations.put("unseenCount", () -> notifications.unseenCount());
        operations.put("latestNotifications", () -> notifications.latest(10));
        operations.put("markSeen", () -> notifications.markSeen());
        operations.put("recordSignIn", () -> staff.recordSignIn("x", null, Set.of(), null));
        operations.put("me", () -> staff.me());
        operations.put("chooseNotificationDelivery", () -> staff.chooseNotificationDelivery(null));
        operations.put("notificationsSeen", () -> staff.notificationsSeen());
        operations.put("caseworkers", () -> staff.caseworkers());
        operations.put("isCaseworker", () -> staff.isCaseworker("x"));
        operations.put("idempotency.earlier", () -> idempotency.earlier("k", "op", "h"));
        operations.put("idempotency.replayOrRun", () -> idempotency.replayOrRun("k", "op", "h", () -> null));
        operations.put("intakeTransaction", () -> intake.run(() -> null));
        operations.put("intakeWriteAndForget", () -> intake.writeAndForget());
        operations.put("sessionCount", () -> delivery.sessionCount(1));
        operations.put("sessionsOf", () -> delivery.sessionsOf(1, 0, 10));
        operations.put("recordSession", () -> delivery.recordSession(null, null));
        operations.put("recordGroupSession", () -> delivery.recordGroupSession(null, List.of()));
        operations.put("recordAttendance", () -> delivery.recordAttendance(1, 1, null));
        operations.put("rescheduleSession", () -> delivery.rescheduleSession(1, 1, null));
        operations.put("groupCandidates", () -> delivery.groupCandidates("", 10));
        operations.put("intakes", () -> enrolmentService.intakes());
        operations.put("addCourseIntake", () -> enrolmentService.addCourseIntake("x", null, null, null, 1));
        operations.put("enrolmentsOf", () -> enrolmentService.enrolmentsOf(1));
        operations.put("enrolmentsOnIntake", () -> enrolmentService.enrolmentsOnIntake(1));
        operations.put("offerPlace", () -> enrolmentService.offerPlace(1, 1));
        operations.put("confirmEnrolment", () -> enrolmentService.confirm(1, 1));
        operations.put("confirmAllOffered", () -> enrolmentService.confirmAllOffered(1));
        operations.put("declineEnrolment", () -> enrolmentService.decline(1, 1, null, null));
        operations.put("completeEnrolment", () -> enrolmentService.complete(1, 1, "x"));
        operations.put("dropOut", () -> enrolmentService.dropOut(1, 1, null, null));
        operations.put("cardsOf", () -> cardService.cardsOf(1));
        operations.put("requestCard", () -> cardService.requestCard(1, null, null));
        operations.put("issueCard", () -> cardService.issueCard(1, 1, null, null));
        operations.put("ourServices", () -> catalogue.ourServices());
        operations.put("publishService", () -> catalogue.publish(null));
        operations.put("changeService", () -> catalogue.change(1, 1, null));
        operations.put("withdrawService", () -> catalogue.withdraw(1, 1));
        operations.put("directoryOffering", () -> directory.offering(org.reintegra.referral.ServiceType.ART_THERAPY));
        operations.put("directoryAll", () -> directory.all());
        operations.put("hsds", () -> directory.hsdsJson());
        operations.put("plansOf", () -> actionPlans.plansOf(1));
        operations.put("proposePlan", () -> actionPlans.propose(1, "x", 1));
        operations.put("approvePlan", () -> actionPlans.approve(1, 1));
        operations.put("returnPlan", () -> actionPlans.giveBack(1, 1, "x"));
        operations.put("reportOf", () -> outcomeService.reportOf(1));
        operations.put("submitReport", () -> outcomeService.submit(1, 1, null));
        operations.put("acknowledgeReport", () -> outcomeService.acknowledge(1, 1));
        operations.put("attachments", () -> attachments.attachments(1));
        operations.put("openAttachment", () -> attachments.open(1, 1));
        operations.put("attach", () -> attachments.attach(1, org.reintegra.referral.DataKind.GENERAL, "x.txt",
                new byte[] {'x'}));
        org.reintegra.performance.PerformanceFilter year =
                org.reintegra.performance.PerformanceFilter.lastYear(java.time.LocalDate.now());
        org.reintegra.performance.DrillDown received =
                org.reintegra.performance.DrillDown.of(org.reintegra.performance.Measure.RECEIVED);
        operations.put("performanceSide", () -> performance.side());
        operations.put("performanceReport", () -> performance.report(year));
        operations.put("performanceOffices", () -> performance.offices());
        operations.put("performanceCounterparts", () -> performance.counterparts());
        operations.put("countBehind", () -> performance.countBehind(year, received));
        operations.put("referralsBehind", () -> performance.referralsBehind(year, received, 0, 10));
        operations.put("exportBatch", () -> performance.exportBatch(year, 0, 10));
        operations.put("recordExport", () -> performance.recordExport(year, "CSV"));
        operations.put("qualityReviewer", () -> quality.reviewer());
        operations.put("qualityReviews", () -> quality.reviews());
        operations.put("qualityReview", () -> quality.review(1));
        operations.put("startReview", () -> quality.start(null, "x", java.time.LocalDate.now(), java.time.LocalDate.now(), 1));
        operations.put("checkSampled", () -> quality.check(1, 1, 1, Map.of(), null));
        operations.put("raiseFinding", () -> quality.raise(1, null, "x", "x", java.time.LocalDate.now()));
        operations.put("answerFinding", () -> quality.answer(1, 1, "x"));
        operations.put("closeFinding", () -> quality.closeFinding(1, 1));
        operations.put("reopenFinding", () -> quality.reopenFinding(1, 1, "x"));
        operations.put("closeReview", () -> quality.close(1, 1));
        org.reintegra.audit.AuditQuery week = org.reintegra.audit.AuditQuery.lastWeek(java.time.LocalDate.now());
        operations.put("auditAvailable", () -> auditViewer.available());
        operations.put("auditCount", () -> auditViewer.count(week));
        operations.put("auditPage", () -> auditViewer.page(week, 0, 10));
        operations.put("subjectAccessFind", () -> subjectAccess.findClients("Tsiklauri", java.util.Locale.ENGLISH));
        operations.put("subjectAccessExport", () -> subjectAccess.export(1));
        operations.put("findClientsInReaderOrder", () -> clients.findClients("", 0, 10, java.util.Locale.ENGLISH));
        operations.put("groupCandidatesInReaderOrder", () -> delivery.groupCandidates("", 10, java.util.Locale.ENGLISH));
        operations.put("staffGrantableRoles", () -> staffAccess.grantableRoles());
        operations.put("staffAccounts", () -> staffAccess.accounts(null, 0, 10));
        operations.put("staffCount", () -> staffAccess.countAccounts(null));
        operations.put("staffAccount", () -> staffAccess.account("x"));
        operations.put("staffInvite", () -> staffAccess.invite(null));
        operations.put("staffChangeRoles", () -> staffAccess.changeRoles("x", Set.of(), Set.of()));
        operations.put("staffDeactivate", () -> staffAccess.deactivate("x", null));
        operations.put("staffReactivate", () -> staffAccess.reactivate("x"));
        operations.put("staffResend", () -> staffAccess.resendInvitation("x"));
        operations.put("onboardingStart", () -> onboarding.start(null));
        operations.put("onboardingRetry", () -> onboarding.retry(1));
        operations.put("onboardingCancel", () -> onboarding.cancel(1));
        operations.put("onboardingList", () -> onboarding.onboardings(0, 10));
        operations.put("onboardingCount", () -> onboarding.countOnboardings());
        operations.put("onboardingRecordsOpen", () -> onboardingRecords.open(null, "x"));
        operations.put("onboardingRecordsFind", () -> onboardingRecords.find(1));
        operations.put("onboardingRecordsChange", () -> onboardingRecords.change(1, o -> { }));
        operations.put("onboardingRecordsTenant", () -> onboardingRecords.createTenant(1));
        operations.put("onboardingRecordsList", () -> onboardingRecords.list(0, 10));
        operations.put("onboardingRecordsCount", () -> onboardingRecords.count());
        operations.put("registerClient", () -> clients.registerClient(null));
        operations.put("findClients", () -> clients.findClients("", 0, 10));
        operations.put("screenTransaction", () -> screen.read(() -> null));
        List<String> allowed = new ArrayList<>();
        for (Map.Entry<String, Runnable> operation : operations.entrySet()) {
            try {
                TenantBinding.callAs(AGENCY, () -> {
                    operation.getValue().run();
                    return null;
                });
                allowed.add(operation.getKey());
            } catch (EJBAccessException refused) {
                // expected
            } catch (Throwable other) {
                allowed.add(operation.getKey() + " (reached the operation: " + other + ")");
            }
        }
        assertEquals(List.of(), allowed);
    }

    /**
     * A partner's administrator reaches its own organisation's accounts only: another partner's
     * caseworker looks exactly like a missing account to every operation and is left unchanged in
     * Keycloak; roles outside the organisation's kind (the platform operator's, an agency's) are
     * refused; and the partner-admin role counts for nothing in an agency.
     */
    @Test
    void aPartnerAdministratorNeverTouchesAnotherOrganisationsAccounts() throws Exception {
        KeycloakAdmin keycloak = new KeycloakAdmin(System.getenv("REINTEGRA_OIDC_PROVIDER_URI"),
                System.getenv("REINTEGRA_IT_KEYCLOAK_ADMIN_PASSWORD")); // the server inherits the test's environment
        String dana = keycloak.userId("caseworker.dana");
        String tamar = keycloak.userId("lawyer.tamar");
        String danaBefore = keycloak.user("caseworker.dana") + keycloak.realmRoles("caseworker.dana");

        List<String> own = as(PARTNER, partnerAdmin::usernames);
        assertTrue(own.containsAll(List.of("lawyer.tamar", "admin.justice")), own.toString());
        assertFalse(own.contains("caseworker.dana"), own.toString());
        assertFalse(own.contains("officer.nino"), own.toString());

        assertEquals("done", as(PARTNER, () -> partnerAdmin.account(tamar)));
        Set<String> staffOnly = Set.of(org.reintegra.access.Roles.PARTNER_STAFF);
        Map<String, String> foreign = new java.util.LinkedHashMap<>();
        foreign.put("account", as(PARTNER, () -> partnerAdmin.account(dana)));
        foreign.put("deactivate", as(PARTNER, () -> partnerAdmin.deactivate(dana)));
        foreign.put("reactivate", as(PARTNER, () -> partnerAdmin.reactivate(dana)));
        foreign.put("resend", as(PARTNER, () -> partnerAdmin.resend(dana)));
        foreign.put("changeRoles", as(PARTNER, () -> partnerAdmin.changeRoles(dana, staffOnly,
                Set.of(org.reintegra.access.Roles.PARTNER_STAFF, org.reintegra.access.Roles.PARTNER_ADMIN))));
        foreign.put("unknown id", as(PARTNER, () -> partnerAdmin.account("00000000-0000-0000-0000-000000000000")));
        foreign.values().removeIf("not found"::equals);
        assertEquals(Map.of(), foreign, "another organisation's account must look missing");
        assertEquals(danaBefore, keycloak.user("caseworker.dana") + keycloak.realmRoles("caseworker.dana"));

        assertEquals("staff.error.role-not-grantable", as(PARTNER, () -> partnerAdmin.changeRoles(tamar, staffOnly,
                Set.of(org.reintegra.access.Roles.PLATFORM_ADMIN))));
        assertEquals("staff.error.role-not-grantable", as(PARTNER, () -> partnerAdmin.invite(
                new org.reintegra.staffaccess.StaffInvitation("it.should-not-exist", "No", "Body", "nobody@example.org", "en",
                        Set.of(org.reintegra.access.Roles.AGENCY_OFFICER)))));
        assertFalse(keycloak.userExists("it.should-not-exist"));
        assertTrue(keycloak.realmRoles("lawyer.tamar").contains("partner-staff"));
        assertFalse(keycloak.realmRoles("lawyer.tamar").contains("platform-admin"));

        assertEquals("refused", as(AGENCY, partnerAdmin::grantableRoles), "partner-admin counts for nothing in an agency");
    }

    /**
     * The audit viewer counts exactly up to its bound and then says only that there are more (a
     * national agency's month holds millions of entries). The entries are written and rolled back in
     * the probe's transaction.
     */
    @Test
    void theAuditViewersCountIsExactUpToItsBound() throws Exception {
        org.reintegra.audit.AuditCount before = as(PARTNER, () -> partnerAdmin.auditCountWith(0));
        assertFalse(before.moreThanShown(), before.toString());
        assertEquals(new org.reintegra.audit.AuditCount(before.entries() + 5, false),
                as(PARTNER, () -> partnerAdmin.auditCountWith(5)));
        int limit = org.reintegra.audit.AuditTrailSql.COUNT_LIMIT;
        assertEquals(new org.reintegra.audit.AuditCount(limit, true),
                as(PARTNER, () -> partnerAdmin.auditCountWith(limit + 1)));
        assertEquals(before, as(PARTNER, () -> partnerAdmin.auditCountWith(0)), "the probe's entries were rolled back");
    }

    private static <T> T as(TenantId tenant, java.util.concurrent.Callable<T> work) throws Exception {
        return TenantBinding.callAs(tenant, work);
    }

    @Test
    void jpqlListsOnlyTheAgencysOwnClients() throws Exception {
        assertEquals(Set.of("NPA"), as(AGENCY, probe::clientReferencePrefixesSeenByJpql));
        assertEquals(Set.of("PEN"), as(OTHER_AGENCY, probe::clientReferencePrefixesSeenByJpql));
        assertEquals(Set.of(), as(PARTNER, probe::clientReferencePrefixesSeenByJpql), "partners never read clients directly");
    }

    @Test
    void findDoesNotReturnAnotherAgencysClient() throws Exception {
        long foreignClient = as(AGENCY, probe::clientIds).get(0);
        assertTrue(as(AGENCY, () -> probe.findClientReference(foreignClient)).startsWith("NPA"));
        assertNull(as(OTHER_AGENCY, () -> probe.findClientReference(foreignClient)));
    }

    @Test
    void aReferralIsSeenByItsAgencyAndItsPartnerAndNobodyElse() throws Exception {
        List<Long> agencyReferrals = as(AGENCY, probe::referralIds);
        List<Long> partnerReferrals = as(PARTNER, probe::referralIds);
        List<Long> otherPartnerReferrals = as(OTHER_PARTNER, probe::referralIds);
        List<Long> otherAgencyReferrals = as(OTHER_AGENCY, probe::referralIds);
        assertEquals(10, agencyReferrals.size(), "8 sent, 1 draft, 1 draft withdrawn as entered in error");
        assertEquals(4, partnerReferrals.size(), "3 from the probation agency, 1 from the penitentiary service");
        assertEquals(3, otherPartnerReferrals.size(), "neither draft addressed to this partner is visible");
        assertEquals(2, otherAgencyReferrals.size());
        for (long id : partnerReferrals) {
            assertFalse(otherPartnerReferrals.contains(id));
            assertTrue(agencyReferrals.contains(id) || otherAgencyReferrals.contains(id));
        }
        long notShared = otherPartnerReferrals.get(0);
        assertNull(as(PARTNER, () -> probe.findReferralReference(notShared)));
        assertNull(as(OTHER_AGENCY, () -> probe.findReferralReference(notShared)));
        assertTrue(as(OTHER_PARTNER, () -> probe.findReferralReference(notShared)).startsWith("NPA-"));
    }

    /**
     * A screen's reads joined in one transaction (ADR 0016) see what the services would alone: a
     * foreign referral is as missing as one nobody has, and the transaction serves one tenant only.
     */
    @Test
    void aScreensOneTransactionFindsForeignReferralsMissingAndServesOneTenant() throws Exception {
        long own = as(AGENCY, probe::referralIds).get(0);
        assertTrue(as(AGENCY, () -> officer.referralReadOnAScreen(own)).startsWith("NPA-"));
        assertEquals("missing", as(OTHER_AGENCY, () -> officer.referralReadOnAScreen(own)));
        assertEquals("missing", as(OTHER_AGENCY, () -> officer.referralReadOnAScreen(Long.MAX_VALUE)));
        Exception refused = assertThrows(jakarta.ejb.EJBException.class,
                () -> as(OTHER_AGENCY, () -> officer.referralReadForAnotherTenantInside(AGENCY, own)));
        assertTrue(String.valueOf(rootCause(refused).getMessage()).startsWith("One tenant per transaction"),
                String.valueOf(rootCause(refused)));
    }

    private static Throwable rootCause(Throwable thrown) {
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    @Test
    void relationshipsOnlyLeadToSharedReferrals() throws Exception {
        List<Long> partnerReferrals = as(PARTNER, probe::referralIds);
        assertEquals(partnerReferrals, as(PARTNER, probe::referralIdsThroughHistory));
        assertEquals(Set.copyOf(partnerReferrals), as(PARTNER, probe::referralIdsByNavigation));
    }

    @Test
    void bulkJpqlUpdateChangesOnlyOwnRows() throws Exception {
        List<String> agencyNamesBefore = as(AGENCY, probe::clientFamilyNames);
        int ownClients = as(OTHER_AGENCY, probe::clientIds).size();
        assertEquals(ownClients, (int) as(OTHER_AGENCY, () -> probe.renameEveryClientWithJpql("Жумабаев")));
        assertEquals(agencyNamesBefore, as(AGENCY, probe::clientFamilyNames));
        assertTrue(as(OTHER_AGENCY, probe::clientFamilyNames).stream().allMatch("Жумабаев"::equals));
    }

    @Test
    void theHistoryOfAReferralIsSharedLikeTheReferral() throws Exception {
        assertEquals(as(OTHER_PARTNER, probe::referralIds), as(OTHER_PARTNER, probe::historyReferralIdsByNativeSql),
                "the partner sees no history of the draft the agency withdrew");
        assertEquals(as(AGENCY, probe::referralIds).size() - 1, as(AGENCY, probe::historyReferralIdsByNativeSql).size(),
                "the agency sees the history of every referral but the unsent draft");
    }

    @Test
    void aPartnerCannotForgeHistoryOnAReferralOfAnotherPartner() throws Exception {
        long notShared = as(OTHER_PARTNER, probe::referralIds).get(0);
        assertEquals("refused", as(PARTNER, () -> probe.forgeHistoryFor(AGENCY.value(), notShared)));
        assertEquals(as(OTHER_PARTNER, probe::referralIds), as(OTHER_PARTNER, probe::historyReferralIdsByNativeSql));
    }

    @Test
    void aPartnerCannotRewriteWhatTheAgencyWrote() throws Exception {
        long shared = as(PARTNER, probe::referralIds).get(0);
        assertThrows(Exception.class, () -> as(PARTNER, () -> probe.rewriteRiskSummary(shared)));
        long notShared = as(OTHER_PARTNER, probe::referralIds).get(0);
        assertEquals(0, (int) as(PARTNER, () -> probe.rewriteRiskSummary(notShared)), "another partner's row is invisible");
    }

    @Test
    void thePoolWipesATenantSettingLeftOnAConnection() throws Exception {
        probe.poisonPooledConnection(AGENCY.value());
        for (int i = 0; i < 50; i++) {
            assertEquals("", probe.settingOnFreshCheckout(), "checkout " + i + " carried a tenant");
        }
    }

    /**
     * A tenant's transactions plan every statement for its values (ADR 0009); the intake API's
     * transaction, and any other stamped for generic plans, keeps the same tenant setting and only
     * leaves the plan choice to the database. The stamp ends with its transaction: the next
     * transactions on the pool, for another tenant, plan for their values again.
     */
    @Test
    void onlyATransactionStampedForGenericPlansLeavesThePlanChoiceToTheDatabase() throws Exception {
        assertEquals(List.of(AGENCY.value(), "force_custom_plan"), as(AGENCY, () -> probe.tenantAndPlanChoice(false)));
        assertEquals(List.of(AGENCY.value(), "auto"), as(AGENCY, () -> probe.tenantAndPlanChoice(true)));
        assertEquals(List.of(AGENCY.value(), "auto"), as(AGENCY, officer::tenantAndPlanChoiceInTheIntakeTransaction));
        for (int i = 0; i < 20; i++) {
            assertEquals(List.of(PARTNER.value(), "force_custom_plan"), as(PARTNER, () -> probe.tenantAndPlanChoice(false)),
                    "transaction " + i + " after a generic-plan one");
        }
    }

    @Test
    void bulkJpqlDeleteIsFilteredByTenantAndRefusedByTheDatabase() throws Exception {
        String sql = as(OTHER_AGENCY, probe::bulkDeleteSql);
        assertTrue(sql.contains("tenant_id"), "the application filter is in the statement: " + sql);
        int before = as(AGENCY, probe::clientIds).size();
        assertThrows(Exception.class, () -> as(OTHER_AGENCY, probe::deleteEveryClientWithJpql),
                "the application role has no DELETE privilege");
        assertEquals(before, as(AGENCY, probe::clientIds).size());
    }

    @Test
    void rowLevelSecurityAloneHidesForeignRowsFromNativeSql() throws Exception {
        assertEquals(List.of(AGENCY.value()), as(AGENCY, probe::clientTenantsSeenByNativeSql));
        assertEquals(List.of(OTHER_AGENCY.value()), as(OTHER_AGENCY, probe::clientTenantsSeenByNativeSql));
        long foreignClient = as(AGENCY, probe::clientIds).get(0);
        assertEquals(0, (int) as(OTHER_AGENCY, () -> probe.renameClientWithNativeSql(foreignClient, "Changed")));
        assertEquals(10L, (long) as(AGENCY, probe::referralCountByNativeSql));
        assertEquals(4L, (long) as(PARTNER, probe::referralCountByNativeSql));
        assertEquals(3L, (long) as(OTHER_PARTNER, probe::referralCountByNativeSql), "not the draft");
    }

    /** The portal's own metrics reach the server's registry (served at /metrics): a refused API token is counted. */
    @Test
    void aRefusedApiTokenIsCountedInThePortalsMetrics() throws Exception {
        String refused = "reintegra_api_tokens_refused_total";
        long before = metricRegistry.counter(refused).getCount();
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(portal + "api/v1/referrals?changedSince=2026-01-01T00:00:00Z"))
                        .header("Authorization", "Bearer not-a-token").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(401, response.statusCode(), response.body());
        assertEquals(before + 1, metricRegistry.counter(refused).getCount());
    }

    /**
     * The dashboard's measures are shared like their referrals (the agency sees every referral it
     * sent, a partner those sent to it, nobody else any), and the application role may only read
     * them: the triggers that keep them are the only writers.
     */
    @Test
    void referralMeasuresAreSharedLikeTheirReferralsAndOnlyReadByTheApplication() throws Exception {
        assertEquals(as(AGENCY, probe::sentReferralCountByNativeSql), as(AGENCY, probe::measureCountByNativeSql));
        assertEquals(4L, (long) as(PARTNER, probe::measureCountByNativeSql));
        assertEquals(3L, (long) as(OTHER_PARTNER, probe::measureCountByNativeSql));
        assertEquals(as(OTHER_AGENCY, probe::sentReferralCountByNativeSql), as(OTHER_AGENCY, probe::measureCountByNativeSql));
        assertEquals(0L, (long) as(TenantId.of("no-such-tenant"), probe::measureCountByNativeSql));
        String refused = as(AGENCY, probe::editMeasuresDirectly);
        assertTrue(refused.contains("permission denied"), refused);
    }

    /**
     * The database shows each partner only the kinds of data its category needs: health details
     * to the clinic, legal details to the legal-aid centre, neither (nor risk changelog lines) to
     * the college; the agency sees all of its own.
     */
    @Test
    void rowLevelSecurityAloneShowsEachPartnerOnlyTheDataItsServiceNeeds() throws Exception {
        for (TenantId agency : List.of(AGENCY, OTHER_AGENCY)) {
            for (long referral : as(agency, probe::referralIds)) {
                as(agency, () -> {
                    probe.writeSensitiveRowsOf(referral);
                    return null;
                });
            }
        }
        Set<String> everything = Set.of("attachment:GENERAL", "attachment:HEALTH", "attachment:LEGAL", "detail:HEALTH",
                "detail:LEGAL", "changelog:HEALTH_NOTES", "changelog:LEGAL_CASE_DETAILS", "changelog:RISK_SUMMARY",
                "changelog:SENDING_OFFICE");
        assertEquals(everything, as(AGENCY, probe::sensitiveKindsSeenByNativeSql));
        assertEquals(Set.of("attachment:GENERAL", "attachment:LEGAL", "detail:LEGAL", "changelog:LEGAL_CASE_DETAILS",
                "changelog:RISK_SUMMARY", "changelog:SENDING_OFFICE"), as(PARTNER, probe::sensitiveKindsSeenByNativeSql),
                "legal-aid centre");
        assertEquals(Set.of("attachment:GENERAL", "attachment:HEALTH", "detail:HEALTH", "changelog:HEALTH_NOTES",
                "changelog:RISK_SUMMARY", "changelog:SENDING_OFFICE"), as(OTHER_PARTNER, probe::sensitiveKindsSeenByNativeSql),
                "clinic");
        assertEquals(Set.of("attachment:GENERAL", "changelog:SENDING_OFFICE"),
                as(DemoTenants.VOCATIONAL_COLLEGE, probe::sensitiveKindsSeenByNativeSql), "college");
    }

    /**
     * Eight registrars confirm eight offered places on an intake with two seats at the same
     * moment: exactly two are enrolled, six are told the intake is full, and the intake is never
     * overbooked. Runs in a test agency and college of its own (no demo user sees them).
     */
    @Test
    void concurrentConfirmationsNeverOverbookAnIntake() throws Exception {
        TenantId agency = TenantId.of("it-seat-agency");
        TenantId college = TenantId.of("it-seat-college");
        probe.createTestOrganisations(agency.value(), college.value());
        List<Long> referrals = as(agency, () -> probe.acceptedReferralsTo(college.value(), 8));
        long intake = as(college, () -> probe.intakeWithSeats(2));
        List<long[]> offers = as(college, () -> probe.offerPlaces(intake, referrals));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (long[] offer : offers) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return TenantBinding.callAs(college, () -> registrar.confirm(offer[0], offer[1]));
                }));
            }
            start.countDown();
            Map<String, Integer> counted = new java.util.TreeMap<>();
            for (Future<String> outcome : outcomes) {
                counted.merge(outcome.get(), 1, Integer::sum);
            }
            assertEquals(Map.of("confirmed", 2, "enrolment.intake.full", 6), counted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(2, 2), as(college, () -> probe.seatsOfIntake(intake)), "seats and seats taken");
        assertEquals(2L, (long) as(college, () -> probe.enrolmentsConfirmedOn(intake)));
        assertEquals(2L, (long) as(agency, () -> probe.enrolmentsConfirmedOn(intake)), "the agency reads them");
        assertEquals(0L, (long) as(PARTNER, () -> probe.enrolmentsConfirmedOn(intake)), "another partner does not");
        assertEquals(0L, (long) as(AGENCY, () -> probe.enrolmentsConfirmedOn(intake)), "nor another agency");
    }

    /** The catalogue is a directory: every organisation reads it, only the partner itself writes its entries. */
    @Test
    void everyTenantReadsTheCatalogueButOnlyItsOwnerChangesIt() throws Exception {
        long entries = as(AGENCY, probe::catalogueEntriesByNativeSql);
        assertTrue(entries > 0, "the agency reads the directory");
        assertEquals(entries, (long) as(PARTNER, probe::catalogueEntriesByNativeSql));
        assertEquals(0, (int) as(AGENCY, () -> probe.touchCatalogueOf(PARTNER.value())), "an agency changes none");
        assertEquals(0, (int) as(OTHER_PARTNER, () -> probe.touchCatalogueOf(PARTNER.value())), "nor another partner");
        assertTrue(as(PARTNER, () -> probe.touchCatalogueOf(PARTNER.value())) > 0, "the partner changes its own");
    }

    /**
     * The mail job's outbox, bound to one tenant, counts and dates only that tenant's waiting mail:
     * another tenant's mail looks like no mail. (The mail is not due for days, so the running job
     * leaves it alone.)
     */
    @Test
    void theMailOutboxSeesOnlyTheBoundTenantsMail() throws Exception {
        java.time.Instant later = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .plus(java.time.Duration.ofDays(3));
        String superuserUrl = System.getenv("REINTEGRA_IT_SUPERUSER_URL");
        Class.forName("org.postgresql.Driver"); // registers the WAR's driver with DriverManager
        try (java.sql.Connection superuser = java.sql.DriverManager.getConnection(superuserUrl);
             java.sql.PreparedStatement insert = superuser.prepareStatement("INSERT INTO mail_outbox (tenant_id, id,"
                     + " recipient, email, kind, message_id, subject, body, state, attempts, next_attempt_at, created_at,"
                     + " version) VALUES (?, nextval('mail_outbox_id_seq'), 'isolation.probe', 'isolation.probe@example.org',"
                     + " 'IMMEDIATE', '<isolation-probe@reintegra.example>', 'Isolation probe', 'Isolation probe', 'PENDING',"
                     + " 0, ?, now(), 1)")) {
            insert.setString(1, OTHER_PARTNER.value());
            insert.setTimestamp(2, java.sql.Timestamp.from(later));
            insert.executeUpdate();
        }
        try {
            // the tenant's own mail counts (its other mail, if any waits, may be due sooner)
            assertTrue(as(OTHER_PARTNER, mailOutbox::pendingCount) >= 1);
            assertTrue(as(OTHER_PARTNER, mailOutbox::nextDue).filter(at -> !at.isAfter(later)).isPresent());
            for (TenantId other : List.of(PARTNER, AGENCY, OTHER_AGENCY)) {
                assertFalse(as(other, mailOutbox::nextDue).filter(later::equals).isPresent(),
                        other + " must not see another tenant's waiting mail");
            }
            TenantId nobody = TenantId.of("isolation-no-such-tenant"); // owns no mail: whatever it sees is foreign
            assertEquals(java.util.Optional.empty(), as(nobody, mailOutbox::nextDue));
            assertEquals(0L, (long) as(nobody, mailOutbox::pendingCount));
        } finally {
            try (java.sql.Connection superuser = java.sql.DriverManager.getConnection(superuserUrl);
                 java.sql.Statement delete = superuser.createStatement()) {
                delete.executeUpdate("DELETE FROM mail_outbox WHERE recipient = 'isolation.probe'");
            }
        }
    }

    @Test
    void withoutATenantNothingIsReadable() {
        assertEquals(0L, probe.clientCountByNativeSqlWithoutTenant());
        assertThrows(Exception.class, probe::clientsByJpqlWithoutTenant);
        assertEquals("", probe.settingWithoutTenant());
    }

    @Test
    void theApplicationFilterAloneHidesForeignRowsWhenRowLevelSecurityIsBypassed() {
        Map<String, Object> superuser = new HashMap<>();
        superuser.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        superuser.put("jakarta.persistence.jtaDataSource", "");
        superuser.put("jakarta.persistence.nonJtaDataSource", "");
        superuser.put("jakarta.persistence.jdbc.driver", "org.postgresql.Driver");
        superuser.put("jakarta.persistence.jdbc.url", System.getenv("REINTEGRA_IT_SUPERUSER_URL"));
        superuser.put("eclipselink.session.name", "isolation-test-superuser");
        EntityManagerFactory factory = Persistence.createEntityManagerFactory(TenancyProperties.PERSISTENCE_UNIT, superuser);
        try {
            EntityManager bypassing = factory.createEntityManager(Map.of(
                    TenancyProperties.TENANT_PROPERTY, OTHER_AGENCY.value(),
                    TenancyProperties.SHARED_TENANT_PARAMETER, OTHER_AGENCY.value()));
            try {
                long everyTenant = ((Number) bypassing.createNativeQuery("SELECT count(DISTINCT tenant_id) FROM client")
                        .getSingleResult()).longValue();
                assertTrue(everyTenant >= 2, "this connection really bypasses row-level security");
                List<String> references = bypassing.createQuery("SELECT c.reference FROM Client c", String.class)
                        .getResultList();
                assertFalse(references.isEmpty());
                assertTrue(references.stream().allMatch(r -> r.startsWith("PEN")), references::toString);
                List<String> referrals = bypassing.createQuery("SELECT r.reference FROM Referral r", String.class)
                        .getResultList();
                assertEquals(2, referrals.size());
                assertTrue(referrals.stream().allMatch(r -> r.startsWith("PEN")), referrals::toString);
                long foreignReferral = ((Number) bypassing.createNativeQuery(
                        "SELECT min(id) FROM referral WHERE agency_tenant_id = 'national-probation-agency'")
                        .getSingleResult()).longValue();
                assertNull(bypassing.find(org.reintegra.referral.Referral.class, foreignReferral));
            } finally {
                bypassing.close();
            }
            EntityManager partnerView = factory.createEntityManager(Map.of(
                    TenancyProperties.TENANT_PROPERTY, OTHER_PARTNER.value(),
                    TenancyProperties.SHARED_TENANT_PARAMETER, OTHER_PARTNER.value()));
            try {
                long unsentToThisPartner = ((Number) partnerView.createNativeQuery(
                        "SELECT count(*) FROM referral WHERE partner_tenant_id = 'new-path-ngo' AND sent_at IS NULL")
                        .getSingleResult()).longValue();
                assertEquals(2L, unsentToThisPartner, "the bypassing connection sees both drafts");
                assertEquals(3L, partnerView.createQuery("SELECT COUNT(r) FROM Referral r", Long.class).getSingleResult(),
                        "the application filter alone hides the drafts");
                List<Long> historyOf = partnerView.createQuery(
                        "SELECT DISTINCT h.referral.id FROM ReferralStatusChange h", Long.class).getResultList();
                assertEquals(3, historyOf.size(), "and the history of the withdrawn draft: " + historyOf);
            } finally {
                partnerView.close();
            }
        } finally {
            factory.close();
        }
    }

    @Test
    void tenThousandAlternatingTransactionsLeakNothing() throws Exception {
        TenantId[] tenants = {AGENCY, OTHER_AGENCY, PARTNER, OTHER_PARTNER};
        Map<TenantId, List<String>> expectedNative = Map.of(
                AGENCY, List.of(AGENCY.value()), OTHER_AGENCY, List.of(OTHER_AGENCY.value()),
                PARTNER, List.of(), OTHER_PARTNER, List.of());
        Map<TenantId, List<String>> expectedJpql = Map.of(
                AGENCY, List.of("NPA"), OTHER_AGENCY, List.of("PEN"), PARTNER, List.of(), OTHER_PARTNER, List.of());
        int threads = 4;
        int perThread = 2_500;
        AtomicInteger rolledBack = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                results.add(pool.submit(() -> {
                    List<String> problems = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        TenantId tenant = tenants[(i + offset) % tenants.length];
                        LeakStep step = i % 7 == 3 ? LeakStep.ROLL_BACK : i % 11 == 5 ? LeakStep.FAIL_STATEMENT : LeakStep.COMMIT;
                        try {
                            Observation seen = TenantBinding.callAs(tenant, () -> probe.observe(step));
                            check(problems, i, tenant, seen, expectedNative.get(tenant), expectedJpql.get(tenant));
                        } catch (Exception expected) {
                            if (step == LeakStep.COMMIT) {
                                problems.add(i + " " + tenant + ": unexpected " + expected);
                            } else {
                                rolledBack.incrementAndGet();
                            }
                        }
                        if (i % 97 == 0 && !probe.settingWithoutTenant().isEmpty()) {
                            problems.add(i + ": a transaction without tenant saw a tenant setting");
                        }
                    }
                    return problems;
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<List<String>> result : results) {
                problems.addAll(result.get());
            }
            assertEquals(List.of(), problems.size() > 20 ? problems.subList(0, 20) : problems);
            assertTrue(rolledBack.get() > 1_500, "rollbacks and failed statements happened: " + rolledBack.get());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void check(List<String> problems, int i, TenantId tenant, Observation seen,
                              List<String> expectedNative, List<String> expectedJpql) {
        if (!tenant.value().equals(seen.setting())) {
            problems.add(i + " " + tenant + ": setting was " + seen.setting());
        }
        if (!expectedNative.equals(seen.nativeTenants())) {
            problems.add(i + " " + tenant + ": native SQL saw " + seen.nativeTenants());
        }
        if (!expectedJpql.equals(seen.jpqlPrefixes())) {
            problems.add(i + " " + tenant + ": JPQL saw " + seen.jpqlPrefixes());
        }
    }
}
