package org.reintegra.staffaccess;

import org.reintegra.tenancy.TenantId;

/** Event: the account was deactivated; the portal ends its open sessions. */
public record StaffAccessEnded(TenantId tenant, String username) {
}
