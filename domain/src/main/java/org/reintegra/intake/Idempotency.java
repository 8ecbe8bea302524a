package org.reintegra.intake;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.reintegra.access.Roles;
import org.reintegra.tenancy.TenancyProperties;
import org.reintegra.tenancy.TenantBound;

/**
 * Runs a state-changing API call at most once per Idempotency-Key of the caller's tenant.
 *
 * <p>The work runs and the key's record (with the work's response) is inserted and flushed in the
 * same transaction. A concurrent retry with the same key waits on the record's primary key until
 * the first transaction ends: if that committed, the retry fails on the key, its own work rolls
 * back with it, and the caller answers with the stored response; if the first rolled back, the
 * retry's work stands. So concurrent retries never create two referrals.
 */
@Stateless
@TenantBound
@RolesAllowed(Roles.AGENCY_OFFICER)
public class Idempotency {

    @PersistenceContext(unitName = TenancyProperties.PERSISTENCE_UNIT)
    private EntityManager entityManager;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    private final Clock clock = Clock.systemUTC();

    /** The response stored under the key, if a call with it committed; refused when the request differs. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<StoredResponse> earlier(String key, String operation, String requestHash) {
        return stored(key, operation, requestHash);
    }

    /**
     * In the caller's transaction: the response stored under the key when a call with it committed
     * (refused when the request differs), else the key is claimed and the work runs, as in
     * {@link #claim}. One transaction per call instead of a separate one for the look-up
     * (docs/benchmarks.md).
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public IdempotentCall replayOrRun(String key, String operation, String requestHash, Supplier<StoredResponse> work) {
        Optional<StoredResponse> earlier = stored(key, operation, requestHash);
        if (earlier.isPresent()) {
            return new IdempotentCall(earlier.get(), true);
        }
        return new IdempotentCall(claim(key, operation, requestHash, work), false);
    }

    private Optional<StoredResponse> stored(String key, String operation, String requestHash) {
        IdempotencyRecord record = entityManager.find(IdempotencyRecord.class, key);
        if (record == null) {
            return Optional.empty();
        }
        if (!record.operation().equals(operation) || !record.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReused();
        }
        return Optional.of(record.response());
    }

    /**
     * Claims the key inside the caller's transaction and runs the work there; the work's response is
     * stored with the key when the transaction commits. Throws {@link KeyTaken} when another call
     * with the same key committed first.
     */
    private StoredResponse claim(String key, String operation, String requestHash, Supplier<StoredResponse> work) {
        StoredResponse response = work.get();
        IdempotencyRecord record = new IdempotencyRecord(key, operation, requestHash, response, clock.instant());
        try {
            entityManager.persist(record);
            entityManager.flush(); // waits here for a concurrent call with the same key, then fails on its key
        } catch (PersistenceException duplicateKey) {
            transactions.setRollbackOnly();
            throw new KeyTaken();
        }
        return response;
    }

    /** Another call with the same key committed first: its stored response is the answer. */
    @jakarta.ejb.ApplicationException(rollback = true)
    public static class KeyTaken extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
