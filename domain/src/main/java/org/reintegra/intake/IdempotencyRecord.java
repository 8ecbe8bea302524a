package org.reintegra.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.reintegra.tenancy.TenantOwnedEntity;

/** The first result of a state-changing API call, kept under the caller's Idempotency-Key. */
@Entity
@Table(name = "api_idempotency")
public class IdempotencyRecord extends TenantOwnedEntity {

    @Id
    @Column(name = "idempotency_key", length = 200)
    private String key;

    @Column(name = "operation", nullable = false, length = 60, updatable = false)
    private String operation;

    @Column(name = "request_hash", nullable = false, length = 64, updatable = false)
    private String requestHash;

    @Column(name = "response_status", nullable = false, updatable = false)
    private int responseStatus;

    @Column(name = "response_body", nullable = false, updatable = false)
    private String responseBody;

    @Column(name = "location", length = 300, updatable = false)
    private String location;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected IdempotencyRecord() {
    }

    IdempotencyRecord(String key, String operation, String requestHash, StoredResponse response, Instant createdAt) {
        this.key = key;
        this.operation = operation;
        this.requestHash = requestHash;
        this.responseStatus = response.status();
        this.responseBody = response.body();
        this.location = response.location();
        this.createdAt = createdAt;
    }

    public String operation() {
        return operation;
    }

    public String requestHash() {
        return requestHash;
    }

    public StoredResponse response() {
        return new StoredResponse(responseStatus, responseBody, location);
    }
}
