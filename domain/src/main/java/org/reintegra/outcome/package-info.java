/**
 * Outcomes back to the agency: the partner's end-of-service report (each desired outcome rated,
 * a summary) concludes the referral as completed or ended early; the agency acknowledges it.
 */
package org.reintegra.outcome;
