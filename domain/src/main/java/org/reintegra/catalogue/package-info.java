/**
 * The partners' service catalogue: what each partner offers, where, for whom, in which languages
 * and with how many places. Partners write their own entries; every organisation reads the
 * directory (it holds no personal data), and it exports as Open Referral HSDS JSON.
 */
package org.reintegra.catalogue;
