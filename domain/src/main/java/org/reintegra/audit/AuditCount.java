package org.reintegra.audit;

import java.io.Serializable;

/**
 * How many entries of the trail match: exact up to {@link AuditTrailSql#COUNT_LIMIT}; beyond it only
 * that there are more ({@code moreThanShown}), since counting millions of entries would take seconds.
 */
public record AuditCount(long entries, boolean moreThanShown) implements Serializable {
}
