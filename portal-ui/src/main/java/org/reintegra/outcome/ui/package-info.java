/** The end-of-service report on the referral page. */
package org.reintegra.outcome.ui;
