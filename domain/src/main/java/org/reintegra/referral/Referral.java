package org.reintegra.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Objects;
import org.reintegra.access.Actor;
import org.reintegra.client.Client;
import org.eclipse.persistence.annotations.AdditionalCriteria;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantId;

/**
 * A referral from an agency to a partner: the aggregate that owns the referral's state. Every
 * change goes through a command method that checks the actor's side and the lifecycle, then
 * records the change in the history.
 *
 * <p>Visibility narrows the shared rule of {@link AgencyPartnerSharedEntity}: the partner sees a
 * referral only once it has been sent (a draft is the agency's alone). The row-level security
 * policy on {@code referral} says the same.
 */
@Entity
@Table(name = "referral")
@jakarta.persistence.EntityListeners(ReferralCountListener.class)
@AdditionalCriteria("this.agencyTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER
        + " OR (this.partnerTenantId = :" + TenancyProperties.SHARED_TENANT_PARAMETER + " AND this.sentAt IS NOT NULL)")
public class Referral extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "referral_id")
    @SequenceGenerator(name = "referral_id", sequenceName = "referral_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "reference", nullable = false, length = 40)
    private String reference;

    @Column(name = "client_id", nullable = false, updatable = false)
    private Long clientId;

    @Embedded
    private ClientSnapshot client;

    @Enumerated(EnumType.STRING)
    @Column(name = "programme_area", nullable = false, length = 40)
    private ProgrammeArea programmeArea;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type", nullable = false, length = 40)
    private ServiceType serviceType;

    @Column(name = "reason_for_referral", length = 4000)
    private String reasonForReferral;

    @Column(name = "risk_summary", length = 4000)
    private String riskSummary;

    @Enumerated(EnumType.STRING)
    @Column(name = "custody_status", length = 16)
    private CustodyStatus custodyStatus;

    @Column(name = "release_date")
    private LocalDate releaseDate;

    @Column(name = "completion_deadline")
    private LocalDate completionDeadline;

    @Column(name = "sending_office", length = 200)
    private String sendingOffice;

    @Convert(converter = DesiredOutcomesConverter.class)
    @Column(name = "desired_outcomes", nullable = false, length = 1000)
    private Set<DesiredOutcome> desiredOutcomes = EnumSet.noneOf(DesiredOutcome.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_basis", length = 40)
    private LegalBasis legalBasis;

    @Column(name = "consent_recorded_on")
    private LocalDate consentRecordedOn;

    /** The partner asked something the agency has not answered yet. */
    @Column(name = "agency_attention", nullable = false)
    private boolean agencyAttention;

    /** The agency asked something, or amended the referral, and the partner has not answered yet. */
    @Column(name = "partner_attention", nullable = false)
    private boolean partnerAttention;

    @Column(name = "amended_at")
    private Instant amendedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "sending_officer", nullable = false, length = 100)
    private String sendingOfficer;

    @Column(name = "assigned_caseworker", length = 100)
    private String assignedCaseworker;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 20)
    private ReferralStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_before_hold", length = 20)
    private ReferralStatus statusBeforeHold;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "status_changed_at", nullable = false)
    private Instant statusChangedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Client name and reference in lower case, for "contains" search (trigram index). */
    @Column(name = "search_key", nullable = false, length = 300)
    private String searchKey;

    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST)
    @OrderBy("changedAt ASC")
    private List<ReferralStatusChange> history = new ArrayList<>();

    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST)
    @OrderBy("writtenAt ASC")
    private List<ReferralNote> notes = new ArrayList<>();

    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST)
    @OrderBy("amendedAt ASC")
    private List<ReferralAmendment> amendments = new ArrayList<>();

    /** Health notes and legal case details, one row per kind (the database shows each only to partners that need it). */
    @OneToMany(mappedBy = "referral", cascade = CascadeType.PERSIST)
    private List<ReferralDetail> details = new ArrayList<>();

    /** Who must be told of what happened in this unit of work; the service drains it. */
    @Transient
    private List<ReferralNotice> notices = new ArrayList<>();

    /**
     * What the inbox's tab counts saw of this referral when it was read or last written
     * ({@link #countedStateChanged}); null until then.
     */
    @Transient
    private CountedState counted;

    /** The fields the unfiltered inbox counts depend on (who sees it, its status, attention, assignment). */
    record CountedState(TenantId agency, TenantId partner, boolean sent, ReferralStatus status, boolean agencyAttention,
            boolean partnerAttention, String assignedCaseworker) {
    }

    protected Referral() {
    }

    private Referral(Actor officer, Client client, TenantId partner, ReferralDraft draft, Instant now) {
        super(officer.tenant(), partner);
        if (officer.tenant().equals(partner)) {
            throw new IllegalArgumentException("An organisation cannot refer to itself");
        }
        this.clientId = Objects.requireNonNull(client.id(), "client must be stored first");
        this.client = ClientSnapshot.of(client);
        this.programmeArea = Objects.requireNonNull(draft.programmeArea(), "programme area");
        this.serviceType = Objects.requireNonNull(draft.serviceType(), "service");
        takeTerms(draft);
        this.sendingOfficer = officer.username();
        this.status = ReferralStatus.DRAFT;
        this.createdAt = now;
        this.statusChangedAt = now;
        this.changedAt = now;
        this.reference = "DRAFT"; // replaced by assignReference once stored
        updateSearchKey();
    }

    private void takeTerms(ReferralDraft draft) {
        this.reasonForReferral = draft.reasonForReferral();
        this.riskSummary = draft.riskSummary();
        this.desiredOutcomes = draft.desiredOutcomes().isEmpty()
                ? EnumSet.noneOf(DesiredOutcome.class) : EnumSet.copyOf(draft.desiredOutcomes());
        this.custodyStatus = draft.custodyStatus();
        this.releaseDate = draft.releaseDate();
        this.completionDeadline = draft.completionDeadline();
        this.legalBasis = draft.legalBasis();
        this.consentRecordedOn = draft.consentRecordedOn();
        this.sendingOffice = draft.sendingOffice();
        writeDetail(DataKind.HEALTH, draft.healthNotes());
        writeDetail(DataKind.LEGAL, draft.legalCaseDetails());
    }

    private void writeDetail(DataKind kind, String text) {
        String body = text == null ? "" : text.strip();
        for (ReferralDetail detail : details) {
            if (detail.kind() == kind) {
                if (!detail.body().equals(body)) {
                    detail.rewrite(body);
                }
                return;
            }
        }
        if (!body.isEmpty()) {
            details.add(new ReferralDetail(this, kind, body));
        }
    }

    private String detail(DataKind kind) {
        return details.stream().filter(d -> d.kind() == kind).map(ReferralDetail::body)
                .filter(body -> !body.isEmpty()).findFirst().orElse(null);
    }

    /** An officer starts a referral of their agency's client to a partner. */
    public static Referral draft(Actor officer, Client client, TenantId partner, ReferralDraft draft, Clock clock) {
        return new Referral(officer, client, partner, draft, clock.instant());
    }

    /** Gives the stored draft its agency-unique reference (needs the id, so after persist). */
    public void assignReference(String agencyPrefix) {
        if (id == null) {
            throw new IllegalStateException("store the referral before giving it a reference");
        }
        this.reference = agencyPrefix + "-" + createdAt.atOffset(ZoneOffset.UTC).getYear() + "-" + String.format("%06d", id);
        updateSearchKey();
    }

    private void updateSearchKey() {
        this.searchKey = (client.givenName() + " " + client.familyName() + " " + reference).toLowerCase(Locale.ROOT);
    }

    /**
     * Sending needs what the partner must have: the reason, at least one desired outcome, and the
     * legal basis (with the consent date when the basis is the client's consent).
     */
    public void send(Actor officer, Clock clock) {
        if (reasonForReferral == null || reasonForReferral.isBlank()) {
            throw new ReferralTransitionRefused(status, ReferralCommand.SEND, "the reason for referral is missing", "refused.send.reason");
        }
        if (desiredOutcomes.isEmpty()) {
            throw new ReferralTransitionRefused(status, ReferralCommand.SEND, "choose at least one desired outcome", "refused.send.outcomes");
        }
        if (legalBasis == null || (legalBasis.needsConsent() && consentRecordedOn == null)) {
            throw new ReferralTransitionRefused(status, ReferralCommand.SEND, "the legal basis or consent is missing", "refused.send.legal-basis");
        }
        Instant now = apply(ReferralCommand.SEND, officer, clock, null, null);
        this.sentAt = now;
    }

    public void accept(Actor partnerUser, String caseworker, Clock clock) {
        if (caseworker == null || caseworker.isBlank()) {
            throw new ReferralTransitionRefused(status, ReferralCommand.ACCEPT, "a caseworker must be assigned");
        }
        apply(ReferralCommand.ACCEPT, partnerUser, clock, null, null);
        this.assignedCaseworker = caseworker;
    }

    /**
     * The officer changes the draft (autosave): the agency's alone, so no changelog and nobody told.
     * Programme and service may still change while drafting.
     */
    public void reviseDraft(Actor officer, ReferralDraft draft, Clock clock) {
        if (sideOf(officer) != ReferralSide.AGENCY) {
            throw new ReferralTransitionRefused(status, null, "only the agency edits its draft");
        }
        if (status != ReferralStatus.DRAFT) {
            throw new ReferralTransitionRefused(status, null, "only a draft can be edited; amend a sent referral", "refused.draft.sent");
        }
        this.programmeArea = Objects.requireNonNull(draft.programmeArea(), "programme area");
        this.serviceType = Objects.requireNonNull(draft.serviceType(), "service");
        takeTerms(draft);
        this.changedAt = clock.instant();
    }

    /** Whether the agency may amend a referral in this state: sent and still open. */
    public static boolean amendable(ReferralStatus status) {
        return status == ReferralStatus.SENT || status == ReferralStatus.ACCEPTED
                || status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ON_HOLD;
    }

    /**
     * The officer amends a sent, open referral: each changed field becomes a changelog line (old
     * value, new value, who, when, why) and the partner is told. Programme and service cannot be
     * amended: a different service is a different referral.
     *
     * @return the fields that changed
     */
    public List<ReferralField> amend(Actor officer, ReferralDraft terms, String reason, Clock clock) {
        if (sideOf(officer) != ReferralSide.AGENCY) {
            throw new ReferralTransitionRefused(status, null, "only the agency amends its referral");
        }
        if (!amendable(status)) {
            throw new ReferralTransitionRefused(status, null, "only a sent, open referral can be amended", "refused.amend.state");
        }
        if (terms.programmeArea() != programmeArea || terms.serviceType() != serviceType) {
            throw new ReferralTransitionRefused(status, null, "programme and service cannot be amended", "refused.amend.service");
        }
        if (reason == null || reason.isBlank()) {
            throw new ReferralTransitionRefused(status, null, "please give the reason for the amendment", "referral.change-reason.required");
        }
        Map<ReferralField, String[]> changed = new LinkedHashMap<>();
        compare(changed, ReferralField.REASON_FOR_REFERRAL, reasonForReferral, terms.reasonForReferral());
        compare(changed, ReferralField.RISK_SUMMARY, riskSummary, terms.riskSummary());
        compare(changed, ReferralField.HEALTH_NOTES, healthNotes(), terms.healthNotes());
        compare(changed, ReferralField.LEGAL_CASE_DETAILS, legalCaseDetails(), terms.legalCaseDetails());
        compare(changed, ReferralField.DESIRED_OUTCOMES, codes(desiredOutcomes), codes(terms.desiredOutcomes()));
        compare(changed, ReferralField.CUSTODY_STATUS, text(custodyStatus), text(terms.custodyStatus()));
        compare(changed, ReferralField.RELEASE_DATE, text(releaseDate), text(terms.releaseDate()));
        compare(changed, ReferralField.COMPLETION_DEADLINE, text(completionDeadline), text(terms.completionDeadline()));
        compare(changed, ReferralField.LEGAL_BASIS, text(legalBasis), text(terms.legalBasis()));
        compare(changed, ReferralField.CONSENT_RECORDED_ON, text(consentRecordedOn), text(terms.consentRecordedOn()));
        compare(changed, ReferralField.SENDING_OFFICE, sendingOffice, terms.sendingOffice());
        if (changed.isEmpty()) {
            throw new ReferralTransitionRefused(status, null, "nothing was changed", "refused.nothing-changed");
        }
        Instant now = clock.instant();
        String why = reason.strip();
        changed.forEach((field, values) -> amendments.add(
                new ReferralAmendment(this, field, values[0], values[1], why, officer, ReferralSide.AGENCY, now)));
        takeTerms(terms);
        this.amendedAt = now;
        this.changedAt = now;
        this.partnerAttention = true;
        notices.add(new ReferralNotice(ReferralEvent.AMENDED, ReferralSide.PARTNER, assignedCaseworker, officer.username()));
        return List.copyOf(changed.keySet());
    }

    /**
     * The partner hands an accepted referral to another of its caseworkers (or to nobody, which
     * puts it in the Unassigned view). Recorded in the changelog; the new caseworker is told.
     */
    public void reassign(Actor partnerUser, String caseworker, String reason, Clock clock) {
        if (sideOf(partnerUser) != ReferralSide.PARTNER) {
            throw new ReferralTransitionRefused(status, null, "only the partner assigns its caseworker");
        }
        if (status != ReferralStatus.ACCEPTED && status != ReferralStatus.IN_PROGRESS && status != ReferralStatus.ON_HOLD) {
            throw new ReferralTransitionRefused(status, null, "only an accepted, open referral can be reassigned", "refused.reassign.state");
        }
        String next = caseworker == null || caseworker.isBlank() ? null : caseworker.strip();
        if (Objects.equals(next, assignedCaseworker)) {
            throw new ReferralTransitionRefused(status, null, "nothing was changed", "refused.nothing-changed");
        }
        if (reason == null || reason.isBlank()) {
            throw new ReferralTransitionRefused(status, null, "please give the reason for the reassignment", "referral.change-reason.required");
        }
        amendments.add(new ReferralAmendment(this, ReferralField.ASSIGNED_CASEWORKER, assignedCaseworker, next,
                reason.strip(), partnerUser, ReferralSide.PARTNER, clock.instant()));
        this.assignedCaseworker = next;
        this.changedAt = clock.instant();
        if (next == null || !next.equals(partnerUser.username())) {
            notices.add(new ReferralNotice(ReferralEvent.REASSIGNED, ReferralSide.PARTNER, next, partnerUser.username()));
        }
    }

    private static void compare(Map<ReferralField, String[]> changed, ReferralField field, String before, String after) {
        String old = before == null || before.isBlank() ? null : before.strip();
        String now = after == null || after.isBlank() ? null : after.strip();
        if (!Objects.equals(old, now)) {
            changed.put(field, new String[] {old, now});
        }
    }

    private static String codes(Set<DesiredOutcome> outcomes) {
        return new DesiredOutcomesConverter().convertToDatabaseColumn(outcomes);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public void decline(Actor partnerUser, DeclineReason reason, String text, Clock clock) {
        requireReason(ReferralCommand.DECLINE, reason, reason == DeclineReason.OTHER, text);
        apply(ReferralCommand.DECLINE, partnerUser, clock, reason.name(), text);
    }

    public void start(Actor partnerUser, Clock clock) {
        apply(ReferralCommand.START, partnerUser, clock, null, null);
    }

    public void putOnHold(Actor partnerUser, String why, Clock clock) {
        requireReason(ReferralCommand.PUT_ON_HOLD, "HOLD", true, why);
        ReferralStatus before = status;
        apply(ReferralCommand.PUT_ON_HOLD, partnerUser, clock, null, why);
        this.statusBeforeHold = before;
    }

    public void resume(Actor partnerUser, Clock clock) {
        apply(ReferralCommand.RESUME, partnerUser, clock, null, null);
    }

    /** The partner's end-of-service report completes the referral; it awaits the agency's acknowledgement. */
    public void complete(Actor partnerUser, Clock clock) {
        apply(ReferralCommand.COMPLETE, partnerUser, clock, null, null);
        this.agencyAttention = true;
    }

    /** The agency acknowledged the end-of-service report. */
    public void reportAcknowledged(Actor officer, Clock clock) {
        if (sideOf(officer) != ReferralSide.AGENCY) {
            throw new IllegalArgumentException("only the agency acknowledges a report");
        }
        this.agencyAttention = false;
        this.changedAt = clock.instant();
    }

    public void endEarly(Actor partnerUser, EndedEarlyReason reason, String text, Clock clock) {
        requireReason(ReferralCommand.END_EARLY, reason, reason == EndedEarlyReason.OTHER, text);
        apply(ReferralCommand.END_EARLY, partnerUser, clock, reason.name(), text);
        this.agencyAttention = true;
    }

    public void withdraw(Actor officer, WithdrawalReason reason, String text, Clock clock) {
        requireReason(ReferralCommand.WITHDRAW, reason, reason == WithdrawalReason.OTHER, text);
        apply(ReferralCommand.WITHDRAW, officer, clock, reason.name(), text);
    }

    private void requireReason(ReferralCommand command, Object code, boolean textRequired, String text) {
        if (code == null) {
            throw new ReferralTransitionRefused(status, command, "a reason is required");
        }
        if (textRequired && (text == null || text.isBlank())) {
            throw new ReferralTransitionRefused(status, command, "please explain the reason");
        }
    }

    /** Checks side and lifecycle, moves to the next state and records the change. */
    private Instant apply(ReferralCommand command, Actor actor, Clock clock, String reasonCode, String reasonText) {
        ReferralSide side = sideOf(actor);
        if (side != command.side()) {
            throw new ReferralTransitionRefused(status, command,
                    "only the " + command.side().name().toLowerCase() + " may do this");
        }
        ReferralStatus next = ReferralLifecycle.next(status, command, statusBeforeHold)
                .orElseThrow(() -> new ReferralTransitionRefused(status, command, "not allowed in this state"));
        Instant now = clock.instant();
        history.add(new ReferralStatusChange(this, status, next, command, actor, now, reasonCode, reasonText));
        if (next != ReferralStatus.ON_HOLD) {
            this.statusBeforeHold = null; // resumed, ended early or withdrawn: no hold to return from
        }
        this.status = next;
        this.statusChangedAt = now;
        this.changedAt = now;
        if (command == ReferralCommand.SEND) {
            notices.add(new ReferralNotice(ReferralEvent.SENT, ReferralSide.PARTNER, null, actor.username()));
        } else if (sentAt != null) { // a withdrawn draft was never the partner's business
            notices.add(side == ReferralSide.AGENCY
                    ? new ReferralNotice(ReferralEvent.of(command), ReferralSide.PARTNER, assignedCaseworker, actor.username())
                    : new ReferralNotice(ReferralEvent.of(command), ReferralSide.AGENCY, sendingOfficer, actor.username()));
        }
        return now;
    }

    /**
     * The agency or the partner writes a case note, or asks the other side a question. Allowed in
     * every state: a closed referral may still need a word.
     */
    public void writeNote(Actor author, boolean question, String body, Clock clock) {
        ReferralSide side = sideOf(author);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > ReferralNote.MAX_LENGTH) {
            throw new IllegalArgumentException("a note needs 1 to " + ReferralNote.MAX_LENGTH + " characters");
        }
        Instant now = clock.instant();
        notes.add(new ReferralNote(this, author, side, question, text, now));
        this.changedAt = now;
        if (sentAt == null) {
            return; // a note on a draft is the agency's alone
        }
        ReferralEvent event = question ? ReferralEvent.QUESTION_ASKED : ReferralEvent.NOTE_WRITTEN;
        if (side == ReferralSide.AGENCY) {
            this.agencyAttention = false; // the agency has answered
            this.partnerAttention |= question;
            notices.add(new ReferralNotice(event, ReferralSide.PARTNER, assignedCaseworker, author.username()));
        } else {
            this.partnerAttention = false; // the partner has answered (and seen any amendment)
            this.agencyAttention |= question;
            notices.add(new ReferralNotice(event, ReferralSide.AGENCY, sendingOfficer, author.username()));
        }
    }

    /**
     * Someone attached a document: the referral changed, and once sent the other side is told
     * (whether they may open it is decided by its kind).
     */
    public void attachmentAdded(Actor actor, Clock clock) {
        ReferralSide side = sideOf(actor);
        this.changedAt = clock.instant();
        if (sentAt == null) {
            return;
        }
        notices.add(side == ReferralSide.AGENCY
                ? new ReferralNotice(ReferralEvent.ATTACHMENT_ADDED, ReferralSide.PARTNER, assignedCaseworker, actor.username())
                : new ReferralNotice(ReferralEvent.ATTACHMENT_ADDED, ReferralSide.AGENCY, sendingOfficer, actor.username()));
    }

    /**
     * The partner delivered the first service (a session attended, an enrolment confirmed): an
     * accepted referral moves to In progress. Later deliveries change nothing.
     */
    public void deliveryBegan(Actor partnerUser, Clock clock) {
        if (sideOf(partnerUser) != ReferralSide.PARTNER) {
            throw new ReferralTransitionRefused(status, ReferralCommand.START, "only the partner delivers");
        }
        this.changedAt = clock.instant();
        if (status == ReferralStatus.ACCEPTED) {
            apply(ReferralCommand.START, partnerUser, clock, null, null);
        }
    }

    /** Whether the partner may record deliveries now: accepted, in progress or on hold. */
    public boolean takesDeliveries() {
        return status == ReferralStatus.ACCEPTED || status == ReferralStatus.IN_PROGRESS || status == ReferralStatus.ON_HOLD;
    }

    /** The partner proposed an action plan: the sending officer is asked to review it. */
    public void actionPlanProposed(Actor partnerUser, Clock clock) {
        if (sideOf(partnerUser) != ReferralSide.PARTNER) {
            throw new IllegalArgumentException("only the partner proposes an action plan");
        }
        this.changedAt = clock.instant();
        this.agencyAttention = true;
        notices.add(new ReferralNotice(ReferralEvent.ACTION_PLAN_PROPOSED, ReferralSide.AGENCY, sendingOfficer,
                partnerUser.username()));
    }

    /** The agency approved or returned the action plan: the caseworker is told. */
    public void actionPlanReviewed(Actor officer, boolean approved, Clock clock) {
        if (sideOf(officer) != ReferralSide.AGENCY) {
            throw new IllegalArgumentException("only the agency reviews an action plan");
        }
        this.changedAt = clock.instant();
        this.agencyAttention = false;
        this.partnerAttention |= !approved;
        notices.add(new ReferralNotice(approved ? ReferralEvent.ACTION_PLAN_APPROVED : ReferralEvent.ACTION_PLAN_RETURNED,
                ReferralSide.PARTNER, assignedCaseworker, officer.username()));
    }

    /** The partner flagged a concern on a session: the sending officer is told. */
    public void concernRaised(Actor partnerUser, Clock clock) {
        if (sideOf(partnerUser) != ReferralSide.PARTNER) {
            throw new IllegalArgumentException("only the partner raises a concern on a session");
        }
        this.changedAt = clock.instant();
        this.agencyAttention = true;
        notices.add(new ReferralNotice(ReferralEvent.CONCERN_RAISED, ReferralSide.AGENCY, sendingOfficer,
                partnerUser.username()));
    }

    /**
     * Whether what the inbox counts depend on differs from when this referral was last read or written,
     * remembering the present state for the next call. Unknown (never read here) counts as changed. A
     * session recorded or a note written moves {@code changedAt} and the version but no count, and
     * then keeps every inbox's cached counts ({@link ReferralCountListener}).
     */
    boolean countedStateChanged() {
        CountedState now = new CountedState(agencyTenant(), partnerTenant(), sentAt != null, status, agencyAttention,
                partnerAttention, assignedCaseworker);
        boolean changed = !now.equals(counted);
        counted = now;
        return changed;
    }

    /** Who must be told of this unit of work's changes, handed over once. */
    public List<ReferralNotice> drainNotices() {
        List<ReferralNotice> drained = List.copyOf(notices);
        notices.clear();
        return drained;
    }

    public List<ReferralNote> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Which side of this referral the actor is on; an outsider is refused. */
    public ReferralSide sideOf(Actor actor) {
        if (actor.tenant().equals(agencyTenant())) {
            return ReferralSide.AGENCY;
        }
        if (actor.tenant().equals(partnerTenant())) {
            return ReferralSide.PARTNER;
        }
        throw new IllegalArgumentException("The actor's organisation does not share this referral");
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public Long clientId() {
        return clientId;
    }

    public ClientSnapshot client() {
        return client;
    }

    public ProgrammeArea programmeArea() {
        return programmeArea;
    }

    public ServiceType serviceType() {
        return serviceType;
    }

    public String reasonForReferral() {
        return reasonForReferral;
    }

    public String riskSummary() {
        return riskSummary;
    }

    public CustodyStatus custodyStatus() {
        return custodyStatus;
    }

    public LocalDate releaseDate() {
        return releaseDate;
    }

    public LocalDate completionDeadline() {
        return completionDeadline;
    }

    public String sendingOffice() {
        return sendingOffice;
    }

    /** Health notes, or null; loaded only as far as the reader's organisation may see them. */
    public String healthNotes() {
        return detail(DataKind.HEALTH);
    }

    /** Legal case details, or null; loaded only as far as the reader's organisation may see them. */
    public String legalCaseDetails() {
        return detail(DataKind.LEGAL);
    }

    public Set<DesiredOutcome> desiredOutcomes() {
        return Collections.unmodifiableSet(desiredOutcomes);
    }

    public LegalBasis legalBasis() {
        return legalBasis;
    }

    public LocalDate consentRecordedOn() {
        return consentRecordedOn;
    }

    public boolean agencyAttention() {
        return agencyAttention;
    }

    public boolean partnerAttention() {
        return partnerAttention;
    }

    public Instant amendedAt() {
        return amendedAt;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public List<ReferralAmendment> amendments() {
        return Collections.unmodifiableList(amendments);
    }

    public String sendingOfficer() {
        return sendingOfficer;
    }

    public String assignedCaseworker() {
        return assignedCaseworker;
    }

    public ReferralStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public Instant statusChangedAt() {
        return statusChangedAt;
    }

    public long version() {
        return version;
    }

    public List<ReferralStatusChange> history() {
        return Collections.unmodifiableList(history);
    }
}
