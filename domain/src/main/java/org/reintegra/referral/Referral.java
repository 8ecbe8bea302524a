package org.reintegra.referral;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        this.reasonForReferral = draft.reasonForReferral();
        this.riskSummary = draft.riskSummary();
        this.custodyStatus = draft.custodyStatus();
        this.releaseDate = draft.releaseDate();
        this.completionDeadline = draft.completionDeadline();
        this.sendingOffice = draft.sendingOffice();
        this.sendingOfficer = officer.username();
        this.status = ReferralStatus.DRAFT;
        this.createdAt = now;
        this.statusChangedAt = now;
        this.reference = "DRAFT"; // replaced by assignReference once stored
        updateSearchKey();
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

    public void send(Actor officer, Clock clock) {
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

    public void complete(Actor partnerUser, Clock clock) {
        apply(ReferralCommand.COMPLETE, partnerUser, clock, null, null);
    }

    public void endEarly(Actor partnerUser, EndedEarlyReason reason, String text, Clock clock) {
        requireReason(ReferralCommand.END_EARLY, reason, reason == EndedEarlyReason.OTHER, text);
        apply(ReferralCommand.END_EARLY, partnerUser, clock, reason.name(), text);
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
        notes.add(new ReferralNote(this, author, side, question, text, clock.instant()));
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
