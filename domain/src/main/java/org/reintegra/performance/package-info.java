/**
 * Performance: the agency liaison officer's dashboard across the partners that received the
 * agency's referrals, and each partner's view of its own. Figures are aggregated in SQL over
 * {@code referral_measure} (one row per sent referral, kept current by triggers); breakdowns hide
 * small counts ({@link org.reintegra.performance.SmallCells}); the referrals behind a figure can be
 * listed; reports export as CSV, XLSX and PDF.
 */
package org.reintegra.performance;
