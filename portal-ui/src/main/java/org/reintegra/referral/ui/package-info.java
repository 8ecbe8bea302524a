/** Referral screens: the inbox grid and the referral page. They only talk to ReferralService. */
package org.reintegra.referral.ui;
