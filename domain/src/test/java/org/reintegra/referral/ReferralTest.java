package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.reintegra.access.Actor;
import org.reintegra.client.Client;
import org.reintegra.client.Sex;
import org.reintegra.tenancy.TenantId;

class ReferralTest {

    private static final TenantId AGENCY = TenantId.of("npa");
    private static final TenantId PARTNER = TenantId.of("ngo-tbilisi");
    private static final TenantId THIRD = TenantId.of("clinic-batumi");

    private static final Actor OFFICER = new Actor("officer.nino", AGENCY);
    private static final Actor CASEWORKER = new Actor("staff.ana", PARTNER);
    private static final Actor OUTSIDER = new Actor("staff.giorgi", THIRD);

    private static final Clock DRAFTED = clockAt("2026-03-02T09:00:00Z");
    private static final Clock SENT = clockAt("2026-03-02T10:00:00Z");
    private static final Clock ACCEPTED = clockAt("2026-03-03T11:00:00Z");
    private static final Clock STARTED = clockAt("2026-03-10T12:00:00Z");
    private static final Clock HELD = clockAt("2026-03-20T13:00:00Z");
    private static final Clock RESUMED = clockAt("2026-04-01T14:00:00Z");
    private static final Clock LATER = clockAt("2026-04-02T15:00:00Z");

    private static final ReferralDraft DRAFT = new ReferralDraft(ProgrammeArea.OVERCOMING_ADDICTIONS,
            ServiceType.ADDICTION_PROGRAMME, "Gambling debts since release", "No violence in the last 3 years",
            Set.of(DesiredOutcome.RELAPSE_PREVENTION_PLAN), CustodyStatus.IN_COMMUNITY, null,
            LocalDate.parse("2026-09-30"), LegalBasis.PROBATION_CONDITION, null, "Tbilisi office 2");

    // --- drafting ---

    @Test
    void draftingNeedsAStoredClient() {
        Client unsaved = newClient();

        NullPointerException refused = assertThrows(NullPointerException.class,
                () -> Referral.draft(OFFICER, unsaved, PARTNER, DRAFT, DRAFTED));
        assertTrue(refused.getMessage().contains("client must be stored first"), refused.getMessage());
    }

    @Test
    void aDraftBelongsToTheOfficersAgencyAndTheChosenPartner() {
        Client client = storedClient(7);

        Referral referral = Referral.draft(OFFICER, client, PARTNER, DRAFT, DRAFTED);

        assertEquals(ReferralStatus.DRAFT, referral.status());
        assertEquals(AGENCY, referral.agencyTenant());
        assertEquals(PARTNER, referral.partnerTenant());
        assertEquals("officer.nino", referral.sendingOfficer());
        assertEquals(7L, referral.clientId());
        assertEquals(ClientSnapshot.of(client), referral.client());
        assertEquals("Gambling debts since release", referral.reasonForReferral());
        assertEquals(DRAFTED.instant(), referral.createdAt());
        assertEquals(DRAFTED.instant(), referral.statusChangedAt());
        assertNull(referral.sentAt());
        assertTrue(referral.history().isEmpty());
    }

    @Test
    void anOrganisationCannotReferToItself() {
        assertThrows(IllegalArgumentException.class,
                () -> Referral.draft(OFFICER, storedClient(7), AGENCY, DRAFT, DRAFTED));
    }

    @Test
    void aStoredDraftGetsAReferenceFromAgencyPrefixYearAndId() {
        Referral referral = Stored.withId(draft(), 51);

        referral.assignReference("NPA");

        assertEquals("NPA-2026-000051", referral.reference());
    }

    @Test
    void anUnstoredDraftCannotGetAReference() {
        Referral referral = draft();

        assertThrows(IllegalStateException.class, () -> referral.assignReference("NPA"));
        assertEquals("DRAFT", referral.reference());
    }

    // --- what the inbox counts see ---

    @Test
    void theInboxCountsSeeAChangeOfStatusAttentionOrCaseworkerButNotOfActivityAlone() {
        Referral referral = accepted();
        assertTrue(referral.countedStateChanged(), "never seen before: counts as changed");
        assertFalse(referral.countedStateChanged(), "nothing changed since");

        referral.deliveryBegan(CASEWORKER, STARTED);
        assertTrue(referral.countedStateChanged(), "accepted to in progress");

        referral.deliveryBegan(CASEWORKER, LATER);
        assertEquals(LATER.instant(), referral.changedAt());
        assertFalse(referral.countedStateChanged(), "a further session moves the activity time, no count");

        referral.concernRaised(CASEWORKER, LATER);
        assertTrue(referral.countedStateChanged(), "the agency's attention");

        referral.putOnHold(CASEWORKER, "Client in hospital", HELD);
        assertTrue(referral.countedStateChanged(), "on hold");
    }

    // --- the happy path and its history ---

    @Test
    void aReferralResumedFromHoldReturnsToInProgress() {
        Referral referral = inProgress();

        referral.putOnHold(CASEWORKER, "Client in hospital", HELD);
        assertEquals(ReferralStatus.ON_HOLD, referral.status());
        referral.resume(CASEWORKER, RESUMED);

        assertEquals(ReferralStatus.IN_PROGRESS, referral.status());
        assertEquals(RESUMED.instant(), referral.statusChangedAt());
    }

    @Test
    void aReferralHeldBeforeItStartedResumesAsAccepted() {
        Referral referral = accepted();

        referral.putOnHold(CASEWORKER, "Client recalled to custody", HELD);
        referral.resume(CASEWORKER, RESUMED);

        assertEquals(ReferralStatus.ACCEPTED, referral.status());
    }

    @Test
    void sendingStampsWhenThePartnerGotIt() {
        Referral referral = draft();

        referral.send(OFFICER, SENT);

        assertEquals(ReferralStatus.SENT, referral.status());
        assertEquals(SENT.instant(), referral.sentAt());
    }

    @Test
    void acceptingAssignsTheCaseworker() {
        Referral referral = sent();

        referral.accept(CASEWORKER, "ana.k", ACCEPTED);

        assertEquals(ReferralStatus.ACCEPTED, referral.status());
        assertEquals("ana.k", referral.assignedCaseworker());
    }

    @Test
    void everyCommandRecordsFromToWhoWhenAndWhy() {
        Referral referral = inProgress();
        referral.putOnHold(CASEWORKER, "Client in hospital", HELD);
        referral.resume(CASEWORKER, RESUMED);
        referral.withdraw(OFFICER, WithdrawalReason.OTHER, "Client moved abroad", LATER);

        assertEquals(List.of(
                new ReferralHistoryEntry(ReferralStatus.DRAFT, ReferralStatus.SENT, ReferralCommand.SEND,
                        "officer.nino", SENT.instant(), null, null),
                new ReferralHistoryEntry(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralCommand.ACCEPT,
                        "staff.ana", ACCEPTED.instant(), null, null),
                new ReferralHistoryEntry(ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralCommand.START,
                        "staff.ana", STARTED.instant(), null, null),
                new ReferralHistoryEntry(ReferralStatus.IN_PROGRESS, ReferralStatus.ON_HOLD, ReferralCommand.PUT_ON_HOLD,
                        "staff.ana", HELD.instant(), null, "Client in hospital"),
                new ReferralHistoryEntry(ReferralStatus.ON_HOLD, ReferralStatus.IN_PROGRESS, ReferralCommand.RESUME,
                        "staff.ana", RESUMED.instant(), null, null),
                new ReferralHistoryEntry(ReferralStatus.IN_PROGRESS, ReferralStatus.WITHDRAWN, ReferralCommand.WITHDRAW,
                        "officer.nino", LATER.instant(), "OTHER", "Client moved abroad")),
                historyOf(referral));
        assertEquals(List.of("npa", "ngo-tbilisi", "ngo-tbilisi", "ngo-tbilisi", "ngo-tbilisi", "npa"),
                referral.history().stream().map(ReferralStatusChange::changedByTenant).toList());
        assertTrue(referral.history().stream().allMatch(change -> change.agencyTenant().equals(AGENCY)
                && change.partnerTenant().equals(PARTNER)), "history is shared by the same two tenants");
    }

    @Test
    void aDeclineRecordsItsCodedReason() {
        Referral referral = sent();

        referral.decline(CASEWORKER, DeclineReason.NO_CAPACITY, null, ACCEPTED);

        assertEquals(ReferralStatus.DECLINED, referral.status());
        assertEquals(new ReferralHistoryEntry(ReferralStatus.SENT, ReferralStatus.DECLINED, ReferralCommand.DECLINE,
                "staff.ana", ACCEPTED.instant(), "NO_CAPACITY", null), historyOf(referral).get(1));
    }

    @Test
    void anEarlyEndRecordsItsCodedReason() {
        Referral referral = inProgress();

        referral.endEarly(CASEWORKER, EndedEarlyReason.BREACH_OR_RECALL, "Recalled on 1 April", LATER);

        assertEquals(ReferralStatus.ENDED_EARLY, referral.status());
        ReferralHistoryEntry last = historyOf(referral).get(3);
        assertEquals("BREACH_OR_RECALL", last.reasonCode());
        assertEquals("Recalled on 1 April", last.reasonText());
    }

    @Test
    void theActorsSideIsTheirOrganisationsPlaceInTheReferral() {
        Referral referral = draft();

        assertEquals(ReferralSide.AGENCY, referral.sideOf(OFFICER));
        assertEquals(ReferralSide.PARTNER, referral.sideOf(CASEWORKER));
    }

    @Test
    void anActorFromAThirdOrganisationIsRefused() {
        Referral referral = sent();

        assertThrows(IllegalArgumentException.class, () -> referral.sideOf(OUTSIDER));
        assertThrows(IllegalArgumentException.class, () -> referral.accept(OUTSIDER, "giorgi", ACCEPTED));
        assertEquals(ReferralStatus.SENT, referral.status());
        assertEquals(1, referral.history().size());
    }

    // --- refusals: each leaves the referral exactly as it was ---

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("partner cannot send a draft", ReferralTest::draft, r -> r.send(CASEWORKER, LATER)),
                refusal("partner cannot withdraw", ReferralTest::sent,
                        r -> r.withdraw(CASEWORKER, WithdrawalReason.NO_LONGER_NEEDED, null, LATER)),
                refusal("agency cannot accept", ReferralTest::sent, r -> r.accept(OFFICER, "nino", LATER)),
                refusal("agency cannot decline", ReferralTest::sent,
                        r -> r.decline(OFFICER, DeclineReason.DUPLICATE, null, LATER)),
                refusal("agency cannot start", ReferralTest::accepted, r -> r.start(OFFICER, LATER)),
                refusal("agency cannot complete", ReferralTest::inProgress, r -> r.complete(OFFICER, LATER)),
                refusal("accept without caseworker", ReferralTest::sent, r -> r.accept(CASEWORKER, null, LATER)),
                refusal("accept with blank caseworker", ReferralTest::sent, r -> r.accept(CASEWORKER, "  ", LATER)),
                refusal("decline without reason", ReferralTest::sent, r -> r.decline(CASEWORKER, null, null, LATER)),
                refusal("decline OTHER without text", ReferralTest::sent,
                        r -> r.decline(CASEWORKER, DeclineReason.OTHER, null, LATER)),
                refusal("decline OTHER with blank text", ReferralTest::sent,
                        r -> r.decline(CASEWORKER, DeclineReason.OTHER, " ", LATER)),
                refusal("end early OTHER without text", ReferralTest::inProgress,
                        r -> r.endEarly(CASEWORKER, EndedEarlyReason.OTHER, "", LATER)),
                refusal("withdraw OTHER without text", ReferralTest::sent,
                        r -> r.withdraw(OFFICER, WithdrawalReason.OTHER, null, LATER)),
                refusal("put on hold without why", ReferralTest::inProgress, r -> r.putOnHold(CASEWORKER, null, LATER)),
                refusal("accept a draft", ReferralTest::draft, r -> r.accept(CASEWORKER, "ana.k", LATER)),
                refusal("send twice", ReferralTest::sent, r -> r.send(OFFICER, LATER)),
                refusal("complete before start", ReferralTest::accepted, r -> r.complete(CASEWORKER, LATER)),
                refusal("hold a held referral", ReferralTest::onHold, r -> r.putOnHold(CASEWORKER, "again", LATER)),
                refusal("resume a running referral", ReferralTest::inProgress, r -> r.resume(CASEWORKER, LATER)),
                refusal("withdraw a completed referral", ReferralTest::completed,
                        r -> r.withdraw(OFFICER, WithdrawalReason.ENTERED_IN_ERROR, null, LATER)));
    }

    private static Arguments refusal(String name, Supplier<Referral> given, Consumer<Referral> when) {
        return Arguments.of(name, given, when);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedCommandLeavesStatusAndHistoryUnchanged(String name, Supplier<Referral> given,
                                                       Consumer<Referral> when) {
        Referral referral = given.get();
        ReferralStatus status = referral.status();
        Instant changedAt = referral.statusChangedAt();
        Instant sentAt = referral.sentAt();
        String caseworker = referral.assignedCaseworker();
        List<ReferralHistoryEntry> history = historyOf(referral);

        ReferralTransitionRefused refused = assertThrows(ReferralTransitionRefused.class, () -> when.accept(referral));

        assertEquals(status, refused.status());
        assertEquals(status, referral.status());
        assertEquals(changedAt, referral.statusChangedAt());
        assertEquals(sentAt, referral.sentAt());
        assertEquals(caseworker, referral.assignedCaseworker());
        assertEquals(history, historyOf(referral));
    }

    @Test
    void aRefusedSecondHoldKeepsTheStateToResumeTo() {
        Referral referral = onHold();

        assertThrows(ReferralTransitionRefused.class, () -> referral.putOnHold(CASEWORKER, "again", LATER));
        referral.resume(CASEWORKER, LATER);

        assertEquals(ReferralStatus.IN_PROGRESS, referral.status());
    }

    @Test
    void aRefusalNamesTheCommandAndTheState() {
        Referral referral = completed();

        ReferralTransitionRefused refused = assertThrows(ReferralTransitionRefused.class,
                () -> referral.start(CASEWORKER, LATER));

        assertEquals(ReferralCommand.START, refused.command());
        assertEquals(ReferralStatus.COMPLETED, refused.status());
        assertEquals("Cannot start a referral that is completed: not allowed in this state", refused.getMessage());
    }

    // --- sending needs outcomes and a legal basis ---

    @Test
    void aDraftWithoutDesiredOutcomesIsNotSent() {
        Referral referral = Referral.draft(OFFICER, storedClient(7), PARTNER, withOutcomes(Set.of()), DRAFTED);

        ReferralTransitionRefused refused = assertThrows(ReferralTransitionRefused.class, () -> referral.send(OFFICER, SENT));

        assertTrue(refused.getMessage().endsWith("choose at least one desired outcome"), refused.getMessage());
        assertEquals(ReferralStatus.DRAFT, referral.status());
    }

    @Test
    void voluntaryParticipationNeedsTheConsentDateBeforeSending() {
        ReferralDraft noConsent = new ReferralDraft(DRAFT.programmeArea(), DRAFT.serviceType(), DRAFT.reasonForReferral(),
                DRAFT.riskSummary(), DRAFT.desiredOutcomes(), DRAFT.custodyStatus(), null, DRAFT.completionDeadline(),
                LegalBasis.CLIENT_CONSENT, null, DRAFT.sendingOffice());
        Referral referral = Referral.draft(OFFICER, storedClient(7), PARTNER, noConsent, DRAFTED);

        assertThrows(ReferralTransitionRefused.class, () -> referral.send(OFFICER, SENT));
    }

    // --- notices: who is told ---

    @Test
    void sendingTellsEveryoneOfThePartnerAndAcceptingTellsTheSendingOfficer() {
        Referral referral = draft();
        referral.send(OFFICER, SENT);
        assertEquals(List.of(new ReferralNotice(ReferralEvent.SENT, ReferralSide.PARTNER, null, "officer.nino")),
                referral.drainNotices());
        assertEquals(List.of(), referral.drainNotices(), "handed over once");

        referral.accept(CASEWORKER, "ana.k", ACCEPTED);
        assertEquals(List.of(new ReferralNotice(ReferralEvent.ACCEPTED, ReferralSide.AGENCY, "officer.nino", "staff.ana")),
                referral.drainNotices());
    }

    @Test
    void withdrawingADraftTellsNobody() {
        Referral referral = draft();
        referral.withdraw(OFFICER, WithdrawalReason.ENTERED_IN_ERROR, null, LATER);

        assertEquals(List.of(), referral.drainNotices());
    }

    @Test
    void aQuestionFromTheAgencyNeedsThePartnersAttentionUntilThePartnerAnswers() {
        Referral referral = accepted();
        referral.drainNotices();

        referral.writeNote(OFFICER, true, "Has the client attended?", LATER);
        assertTrue(referral.partnerAttention());
        assertEquals(List.of(new ReferralNotice(ReferralEvent.QUESTION_ASKED, ReferralSide.PARTNER, "ana.k", "officer.nino")),
                referral.drainNotices());

        referral.writeNote(CASEWORKER, false, "Yes, twice.", LATER);
        assertEquals(false, referral.partnerAttention());
        assertEquals(false, referral.agencyAttention());
    }

    // --- amendments ---

    @Test
    void anAmendmentKeepsOldAndNewValueOfEachChangedFieldAndTellsTheCaseworker() {
        Referral referral = accepted();
        referral.drainNotices();
        ReferralDraft changed = new ReferralDraft(DRAFT.programmeArea(), DRAFT.serviceType(), DRAFT.reasonForReferral(),
                DRAFT.riskSummary(), Set.of(DesiredOutcome.RELAPSE_PREVENTION_PLAN, DesiredOutcome.SUBSTANCE_USE_REDUCED),
                DRAFT.custodyStatus(), null, LocalDate.parse("2026-12-31"), DRAFT.legalBasis(), null, DRAFT.sendingOffice());

        List<ReferralField> fields = referral.amend(OFFICER, changed, "Court extended the order", LATER);

        assertEquals(List.of(ReferralField.DESIRED_OUTCOMES, ReferralField.COMPLETION_DEADLINE), fields);
        List<ReferralAmendmentEntry> log = referral.amendments().stream().map(ReferralAmendmentEntry::of).toList();
        assertEquals(new ReferralAmendmentEntry(ReferralField.COMPLETION_DEADLINE, "2026-09-30", "2026-12-31",
                "Court extended the order", "officer.nino", ReferralSide.AGENCY, LATER.instant()), log.get(1));
        assertEquals("SUBSTANCE_USE_REDUCED,RELAPSE_PREVENTION_PLAN", log.get(0).newValue());
        assertEquals(LocalDate.parse("2026-12-31"), referral.completionDeadline());
        assertTrue(referral.partnerAttention());
        assertEquals(LATER.instant(), referral.changedAt());
        assertEquals(List.of(new ReferralNotice(ReferralEvent.AMENDED, ReferralSide.PARTNER, "ana.k", "officer.nino")),
                referral.drainNotices());
    }

    @Test
    void anAmendmentThatChangesNothingOrComesFromThePartnerOrChangesTheServiceIsRefused() {
        Referral referral = accepted();

        assertThrows(ReferralTransitionRefused.class, () -> referral.amend(OFFICER, DRAFT, "no change", LATER));
        assertThrows(IllegalArgumentException.class, () -> referral.amend(OUTSIDER, DRAFT, "outsider", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> referral.amend(CASEWORKER, DRAFT, "partner", LATER));
        ReferralDraft otherService = new ReferralDraft(ProgrammeArea.OVERCOMING_ADDICTIONS, ServiceType.HOUSING,
                "x", null, Set.of(), null, null, null, LegalBasis.COURT_ORDER, null, null);
        assertThrows(ReferralTransitionRefused.class, () -> referral.amend(OFFICER, otherService, "service", LATER));
        assertEquals(List.of(), referral.amendments());
    }

    @Test
    void draftsAndClosedReferralsAreNotAmended() {
        ReferralDraft changed = withOutcomes(Set.of(DesiredOutcome.ENGAGES_WITH_SERVICE));

        assertThrows(ReferralTransitionRefused.class, () -> draft().amend(OFFICER, changed, "draft", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> completed().amend(OFFICER, changed, "closed", LATER));
    }

    @Test
    void aDraftIsRevisedWithoutChangelogButASentOneIsNot() {
        Referral referral = draft();
        referral.reviseDraft(OFFICER, withOutcomes(Set.of(DesiredOutcome.ENGAGES_WITH_SERVICE)), LATER);

        assertEquals(Set.of(DesiredOutcome.ENGAGES_WITH_SERVICE), referral.desiredOutcomes());
        assertEquals(List.of(), referral.amendments());
        assertThrows(ReferralTransitionRefused.class,
                () -> sent().reviseDraft(OFFICER, withOutcomes(Set.of()), LATER));
    }

    @Test
    void healthNotesAndLegalDetailsAreKeptApartAndAmendedLikeTheOtherTerms() {
        ReferralDraft withDetails = new ReferralDraft(DRAFT.programmeArea(), DRAFT.serviceType(), DRAFT.reasonForReferral(),
                DRAFT.riskSummary(), DRAFT.desiredOutcomes(), DRAFT.custodyStatus(), null, DRAFT.completionDeadline(),
                DRAFT.legalBasis(), null, DRAFT.sendingOffice(), "On methadone", null);
        Referral referral = Referral.draft(OFFICER, storedClient(7), PARTNER, withDetails, DRAFTED);
        referral.send(OFFICER, SENT);
        assertEquals("On methadone", referral.healthNotes());
        assertNull(referral.legalCaseDetails());

        ReferralDraft amended = new ReferralDraft(DRAFT.programmeArea(), DRAFT.serviceType(), DRAFT.reasonForReferral(),
                DRAFT.riskSummary(), DRAFT.desiredOutcomes(), DRAFT.custodyStatus(), null, DRAFT.completionDeadline(),
                DRAFT.legalBasis(), null, DRAFT.sendingOffice(), "  ", "Hearing on 3 March");
        List<ReferralField> fields = referral.amend(OFFICER, amended, "Treatment ended; appeal lodged", LATER);

        assertEquals(List.of(ReferralField.HEALTH_NOTES, ReferralField.LEGAL_CASE_DETAILS), fields);
        assertNull(referral.healthNotes(), "cleared (kept as an empty row, never deleted)");
        assertEquals("Hearing on 3 March", referral.legalCaseDetails());
        assertEquals(DataKind.HEALTH, referral.amendments().get(0).field().kind());
    }

    @Test
    void theFirstDeliveryMovesAnAcceptedReferralToInProgressAndTellsTheOfficer() {
        Referral referral = accepted();
        referral.drainNotices();

        referral.deliveryBegan(CASEWORKER, STARTED);
        assertEquals(ReferralStatus.IN_PROGRESS, referral.status());
        assertEquals(List.of(new ReferralNotice(ReferralEvent.STARTED, ReferralSide.AGENCY, "officer.nino", "staff.ana")),
                referral.drainNotices());

        referral.deliveryBegan(CASEWORKER, LATER);
        assertEquals(ReferralStatus.IN_PROGRESS, referral.status(), "later deliveries change nothing");
        assertEquals(List.of(), referral.drainNotices());
        assertThrows(ReferralTransitionRefused.class, () -> accepted().deliveryBegan(OFFICER, LATER));
    }

    @Test
    void aConcernOnASessionTellsTheSendingOfficerAndAwaitsTheAgency() {
        Referral referral = inProgress();
        referral.drainNotices();

        referral.concernRaised(CASEWORKER, LATER);

        assertTrue(referral.agencyAttention());
        assertEquals(List.of(new ReferralNotice(ReferralEvent.CONCERN_RAISED, ReferralSide.AGENCY, "officer.nino",
                "staff.ana")), referral.drainNotices());
    }

    // --- reassignment ---

    @Test
    void thePartnerReassignsAnAcceptedReferralAndTheChangelogSaysFromWhomToWhom() {
        Referral referral = accepted();
        referral.drainNotices();

        referral.reassign(CASEWORKER, "giorgi.m", "Ana is on leave", LATER);

        assertEquals("giorgi.m", referral.assignedCaseworker());
        ReferralAmendmentEntry line = ReferralAmendmentEntry.of(referral.amendments().get(0));
        assertEquals(new ReferralAmendmentEntry(ReferralField.ASSIGNED_CASEWORKER, "ana.k", "giorgi.m", "Ana is on leave",
                "staff.ana", ReferralSide.PARTNER, LATER.instant()), line);
        assertEquals(List.of(new ReferralNotice(ReferralEvent.REASSIGNED, ReferralSide.PARTNER, "giorgi.m", "staff.ana")),
                referral.drainNotices());
    }

    @Test
    void reassignmentIsThePartnersAndOnlyOfAcceptedOpenReferrals() {
        assertThrows(ReferralTransitionRefused.class, () -> accepted().reassign(OFFICER, "x", "agency", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> sent().reassign(CASEWORKER, "x", "not accepted", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> completed().reassign(CASEWORKER, "x", "closed", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> accepted().reassign(CASEWORKER, "ana.k", "same", LATER));
        assertThrows(ReferralTransitionRefused.class, () -> accepted().reassign(CASEWORKER, "x", " ", LATER));
    }

    @Test
    void handingBackToNobodyLeavesTheReferralUnassigned() {
        Referral referral = accepted();
        referral.reassign(CASEWORKER, null, "Caseworker left", LATER);

        assertNull(referral.assignedCaseworker());
    }

    // --- givens ---

    private static ReferralDraft withOutcomes(Set<DesiredOutcome> outcomes) {
        return new ReferralDraft(DRAFT.programmeArea(), DRAFT.serviceType(), DRAFT.reasonForReferral(), DRAFT.riskSummary(),
                outcomes, DRAFT.custodyStatus(), DRAFT.releaseDate(), DRAFT.completionDeadline(), DRAFT.legalBasis(),
                DRAFT.consentRecordedOn(), DRAFT.sendingOffice());
    }

    private static Referral draft() {
        return Referral.draft(OFFICER, storedClient(7), PARTNER, DRAFT, DRAFTED);
    }

    private static Referral sent() {
        Referral referral = draft();
        referral.send(OFFICER, SENT);
        return referral;
    }

    private static Referral accepted() {
        Referral referral = sent();
        referral.accept(CASEWORKER, "ana.k", ACCEPTED);
        return referral;
    }

    private static Referral inProgress() {
        Referral referral = accepted();
        referral.start(CASEWORKER, STARTED);
        return referral;
    }

    private static Referral onHold() {
        Referral referral = inProgress();
        referral.putOnHold(CASEWORKER, "Client in hospital", HELD);
        return referral;
    }

    private static Referral completed() {
        Referral referral = inProgress();
        referral.complete(CASEWORKER, LATER);
        return referral;
    }

    private static Client newClient() {
        return new Client("C-0007", "Levan", "Beridze", LocalDate.parse("1990-05-17"), Sex.MALE, "ka",
                "+995 555 000 000", null, Instant.parse("2026-01-10T08:00:00Z"));
    }

    private static Client storedClient(long id) {
        return Stored.withId(newClient(), id);
    }

    private static List<ReferralHistoryEntry> historyOf(Referral referral) {
        return referral.history().stream().map(ReferralHistoryEntry::of).toList();
    }

    private static Clock clockAt(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
