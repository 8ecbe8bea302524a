package org.reintegra.performance;

/** How many referrals were declined or ended early for one coded reason (small counts hidden). */
public record ReasonCount(String code, Cell count) {
}
