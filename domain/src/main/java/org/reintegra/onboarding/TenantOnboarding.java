package org.reintegra.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.reintegra.access.InputRejected;
import org.reintegra.organisation.OrganisationCategory;
import org.reintegra.organisation.OrganisationKind;
import org.reintegra.staffaccess.StaffAccessRules;
import org.reintegra.staffaccess.StaffInvitation;
import org.reintegra.tenancy.TenantId;

/**
 * One onboarding of an organisation (aggregate). It remembers which steps are done and what it made
 * at the identity provider, so that a retry continues where it failed and a cancel removes exactly
 * what it made. Steps run in {@link OnboardingStep} order; the tenant's database row comes after
 * the identity provider's organisation and administrator and before the mail, so a tenant in the
 * database is always complete, and a cancel is only possible while there is none.
 */
@Entity
@Table(name = "tenant_onboarding")
public class TenantOnboarding {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_onboarding_id")
    @SequenceGenerator(name = "tenant_onboarding_id", sequenceName = "tenant_onboarding_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "alias", nullable = false, updatable = false, length = 63)
    private String alias;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 16)
    private OrganisationKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", nullable = false, updatable = false, length = 24)
    private OrganisationCategory category;

    @Column(name = "name", nullable = false, updatable = false, length = 200)
    private String name;

    @Column(name = "admin_username", nullable = false, updatable = false, length = 100)
    private String adminUsername;

    @Column(name = "admin_given_name", nullable = false, updatable = false, length = 100)
    private String adminGivenName;

    @Column(name = "admin_family_name", nullable = false, updatable = false, length = 100)
    private String adminFamilyName;

    @Column(name = "admin_email", nullable = false, updatable = false, length = 200)
    private String adminEmail;

    @Column(name = "admin_language", nullable = false, updatable = false, length = 8)
    private String adminLanguage;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private OnboardingState state;

    @Column(name = "identity_organisation_id", length = 64)
    private String identityOrganisationId;

    @Column(name = "identity_account_id", length = 64)
    private String identityAccountId;

    @Column(name = "tenant_created", nullable = false)
    private boolean tenantCreated;

    @Column(name = "invitation_sent_at")
    private Instant invitationSentAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "failed_step", length = 24)
    private OnboardingStep failedStep;

    @Enumerated(EnumType.STRING)
    @Column(name = "failure", length = 40)
    private OnboardingFailure failure;

    @Column(name = "requested_by", nullable = false, updatable = false, length = 100)
    private String requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected TenantOnboarding() {
    }

    /** A new onboarding of a checked request ({@link #check}). */
    TenantOnboarding(OnboardingRequest request, String requestedBy, Instant now) {
        this.alias = request.alias();
        this.kind = request.kind();
        this.category = request.category();
        this.name = request.name();
        this.adminUsername = request.adminUsername();
        this.adminGivenName = request.adminGivenName();
        this.adminFamilyName = request.adminFamilyName();
        this.adminEmail = request.adminEmail();
        this.adminLanguage = request.adminLanguage();
        this.requestedBy = Objects.requireNonNull(requestedBy);
        this.requestedAt = now;
        this.updatedAt = now;
        this.state = OnboardingState.IN_PROGRESS;
    }

    /** The request with its values trimmed, or the field that is wrong. */
    static OnboardingRequest check(OnboardingRequest request) {
        if (request == null) {
            throw new InputRejected("alias", "onboarding.error.alias");
        }
        String alias = request.alias() == null ? "" : request.alias().strip();
        try {
            TenantId.of(alias);
        } catch (IllegalArgumentException notAnId) {
            throw new InputRejected("alias", "onboarding.error.alias");
        }
        if (request.kind() == null) {
            throw new InputRejected("kind", "onboarding.error.kind");
        }
        if (request.category() == null
                || (request.kind() == OrganisationKind.AGENCY) != (request.category() == OrganisationCategory.AGENCY)) {
            throw new InputRejected("category", "onboarding.error.category");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new InputRejected("name", "onboarding.error.name");
        }
        String adminRole = StaffAccessRules.administratorRole(request.kind());
        StaffInvitation admin = StaffAccessRules.checkInvitation(new StaffInvitation(request.adminUsername(),
                request.adminGivenName(), request.adminFamilyName(), request.adminEmail(), request.adminLanguage(),
                Set.of(adminRole)), java.util.List.of(adminRole));
        return new OnboardingRequest(alias, request.kind(), request.category(), name, admin.username(),
                admin.givenName(), admin.familyName(), admin.email(), admin.language());
    }

    /** The next step to take, or null when all are done. */
    public OnboardingStep nextStep() {
        if (identityOrganisationId == null) {
            return OnboardingStep.ORGANISATION;
        }
        if (identityAccountId == null) {
            return OnboardingStep.ADMINISTRATOR;
        }
        if (!tenantCreated) {
            return OnboardingStep.TENANT;
        }
        return invitationSentAt == null ? OnboardingStep.INVITATION : null;
    }

    /** The marker on what this onboarding makes at the identity provider. */
    public String marker() {
        return "onboarding:" + id;
    }

    void organisationCreated(String organisationId, Instant now) {
        requireInProgress();
        this.identityOrganisationId = Objects.requireNonNull(organisationId);
        this.updatedAt = now;
    }

    void administratorCreated(String accountId, Instant now) {
        requireInProgress();
        if (identityOrganisationId == null) {
            throw new IllegalStateException("the organisation comes first");
        }
        this.identityAccountId = Objects.requireNonNull(accountId);
        this.updatedAt = now;
    }

    void tenantCreated(Instant now) {
        requireInProgress();
        if (identityAccountId == null) {
            throw new IllegalStateException("the administrator comes before the tenant");
        }
        this.tenantCreated = true;
        this.updatedAt = now;
    }

    void invitationSent(Instant now) {
        requireInProgress();
        if (!tenantCreated) {
            throw new IllegalStateException("the tenant comes before the invitation");
        }
        this.invitationSentAt = now;
        this.state = OnboardingState.COMPLETED;
        this.failedStep = null;
        this.failure = null;
        this.updatedAt = now;
    }

    void failed(OnboardingStep step, OnboardingFailure why, Instant now) {
        if (state == OnboardingState.COMPLETED || state == OnboardingState.CANCELLED) {
            throw new IllegalStateException("a finished onboarding does not fail");
        }
        this.state = OnboardingState.FAILED;
        this.failedStep = step;
        this.failure = why;
        this.updatedAt = now;
    }

    /** Whether a retry may continue it: it failed. */
    public boolean mayRetry() {
        return state == OnboardingState.FAILED;
    }

    /** Whether it may be cancelled: it failed before the tenant existed. */
    public boolean mayCancel() {
        return state == OnboardingState.FAILED && !tenantCreated;
    }

    void retrying(Instant now) {
        if (!mayRetry()) {
            throw new InputRejected("onboarding", "onboarding.error.not-retryable");
        }
        this.state = OnboardingState.IN_PROGRESS;
        this.updatedAt = now;
    }

    void cancelled(Instant now) {
        if (!mayCancel()) {
            throw new InputRejected("onboarding", "onboarding.error.not-cancellable");
        }
        this.state = OnboardingState.CANCELLED;
        this.updatedAt = now;
    }

    private void requireInProgress() {
        if (state != OnboardingState.IN_PROGRESS) {
            throw new IllegalStateException("not in progress: " + state);
        }
    }

    public OnboardingSummary summary() {
        return new OnboardingSummary(id == null ? 0L : id, alias, name, kind, category, adminUsername, adminEmail, state, failedStep, failure,
                mayRetry(), mayCancel(), requestedBy, requestedAt, updatedAt);
    }

    public long id() {
        return id;
    }

    public TenantId tenant() {
        return TenantId.of(alias);
    }

    public String alias() {
        return alias;
    }

    public String name() {
        return name;
    }

    public OrganisationKind kind() {
        return kind;
    }

    public OrganisationCategory category() {
        return category;
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminGivenName() {
        return adminGivenName;
    }

    public String adminFamilyName() {
        return adminFamilyName;
    }

    public String adminEmail() {
        return adminEmail;
    }

    public String adminLanguage() {
        return adminLanguage;
    }

    public OnboardingState state() {
        return state;
    }

    public String identityOrganisationId() {
        return identityOrganisationId;
    }

    public String identityAccountId() {
        return identityAccountId;
    }

    public boolean isTenantCreated() {
        return tenantCreated;
    }

    public long version() {
        return version;
    }
}
