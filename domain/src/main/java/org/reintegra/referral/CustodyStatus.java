package org.reintegra.referral;

/** Where the client is while the referral runs. */
public enum CustodyStatus {
    IN_CUSTODY,
    IN_COMMUNITY
}
