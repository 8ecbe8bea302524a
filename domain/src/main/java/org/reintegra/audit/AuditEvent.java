package org.reintegra.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import org.reintegra.tenancy.TenantOwnedEntity;

/**
 * One audited access: who (user and tenant), when, which client and referral, which fields, for
 * what purpose. Owned by the tenant of the person who acted; the database lets the application
 * insert and read these rows, never change or delete them.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends TenantOwnedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_id")
    @SequenceGenerator(name = "audit_event_id", sequenceName = "audit_event_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "actor", nullable = false, length = 100, updatable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16, updatable = false)
    private AuditAction action;

    @Column(name = "referral_id", updatable = false)
    private Long referralId;

    @Column(name = "client_id", updatable = false)
    private Long clientId;

    @Column(name = "fields", nullable = false, length = 1000, updatable = false)
    private String fields;

    @Column(name = "purpose", nullable = false, length = 60, updatable = false)
    private String purpose;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, Long referralId, Long clientId,
               String fields, String purpose) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.referralId = referralId;
        this.clientId = clientId;
        this.fields = fields;
        this.purpose = purpose;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public AuditAction action() {
        return action;
    }

    public Long referralId() {
        return referralId;
    }

    public Long clientId() {
        return clientId;
    }

    public String fields() {
        return fields;
    }

    public String purpose() {
        return purpose;
    }
}
