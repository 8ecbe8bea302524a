package org.reintegra.delivery;

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
import java.time.LocalDate;
import org.reintegra.tenancy.AgencyPartnerSharedEntity;
import org.reintegra.tenancy.TenantId;

/**
 * A referral's place on a course intake: offered by the registrar, confirmed (a seat is taken) or
 * declined with a coded reason, and at the end completed with a certificate number or dropped out
 * with a coded reason. Shared by the referral's agency and college; the college writes it.
 */
@Entity
@Table(name = "enrolment")
public class Enrolment extends AgencyPartnerSharedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "enrolment_id")
    @SequenceGenerator(name = "enrolment_id", sequenceName = "enrolment_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "referral_id", nullable = false, updatable = false)
    private Long referralId;

    @Column(name = "intake_id", nullable = false, updatable = false)
    private Long intakeId;

    @Column(name = "course_title", nullable = false, length = 200, updatable = false)
    private String courseTitle;

    @Column(name = "starts_on", nullable = false, updatable = false)
    private LocalDate startsOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 16)
    private EnrolmentStatus status;

    @Column(name = "reason_code", length = 30)
    private String reasonCode;

    @Column(name = "reason_text", length = 2000)
    private String reasonText;

    @Column(name = "certificate_number", length = 60)
    private String certificateNumber;

    @Column(name = "changed_by", nullable = false, length = 100)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Enrolment() {
    }

    Enrolment(TenantId agency, TenantId partner, long referralId, CourseIntake intake, String courseTitle, String by,
              Instant at) {
        super(agency, partner);
        this.referralId = referralId;
        this.intakeId = intake.id();
        this.courseTitle = courseTitle;
        this.startsOn = intake.startsOn();
        this.status = EnrolmentStatus.OFFERED;
        this.changedBy = by;
        this.changedAt = at;
    }

    /** The seat was taken in the database; the place is now the client's. */
    void confirm(String by, Instant at) {
        move(EnrolmentStatus.OFFERED, EnrolmentStatus.CONFIRMED, by, at);
    }

    void decline(EnrolmentDeclineReason reason, String text, String by, Instant at) {
        requireReason(reason, reason == EnrolmentDeclineReason.OTHER, text);
        move(EnrolmentStatus.OFFERED, EnrolmentStatus.DECLINED, by, at);
        this.reasonCode = reason.name();
        this.reasonText = blankToNull(text);
    }

    void complete(String certificate, String by, Instant at) {
        if (certificate == null || certificate.isBlank() || certificate.strip().length() > 60) {
            throw new SessionRefused("certificateNumber", "enrolment.certificate.required");
        }
        move(EnrolmentStatus.CONFIRMED, EnrolmentStatus.COMPLETED, by, at);
        this.certificateNumber = certificate.strip();
    }

    void dropOut(DropoutReason reason, String text, String by, Instant at) {
        requireReason(reason, reason == DropoutReason.OTHER, text);
        move(EnrolmentStatus.CONFIRMED, EnrolmentStatus.DROPPED_OUT, by, at);
        this.reasonCode = reason.name();
        this.reasonText = blankToNull(text);
    }

    private void move(EnrolmentStatus from, EnrolmentStatus to, String by, Instant at) {
        if (status != from) {
            throw new SessionRefused("status", "enrolment.not-allowed." + status.name());
        }
        this.status = to;
        this.changedBy = by;
        this.changedAt = at;
    }

    private static void requireReason(Object reason, boolean textRequired, String text) {
        if (reason == null) {
            throw new SessionRefused("reason", "enrolment.reason.required");
        }
        if (textRequired && (text == null || text.isBlank())) {
            throw new SessionRefused("reasonText", "enrolment.reason-text.required");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    EnrolmentEntry entry() {
        return new EnrolmentEntry(id, referralId, intakeId, courseTitle, startsOn, status, reasonCode, reasonText,
                certificateNumber, changedBy, changedAt, version);
    }

    public Long id() {
        return id;
    }

    public long referralId() {
        return referralId;
    }

    public long intakeId() {
        return intakeId;
    }

    public EnrolmentStatus status() {
        return status;
    }

    public long version() {
        return version;
    }
}
