/**
 * Referrals: the record an agency sends to a partner and both work on. The {@link
 * org.reintegra.referral.Referral} aggregate holds its state and checks every transition against
 * {@link org.reintegra.referral.ReferralLifecycle}; {@link org.reintegra.referral.ReferralService}
 * is the only way screens reach referrals.
 */
package org.reintegra.referral;
