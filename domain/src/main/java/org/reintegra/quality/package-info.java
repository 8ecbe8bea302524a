/**
 * Quality reviews: an agency's liaison officer samples closed referrals of one partner, checks
 * each against a checklist, records findings with corrective actions and tracks them to closure;
 * the partner reads the review and answers the findings addressed to it.
 */
package org.reintegra.quality;
