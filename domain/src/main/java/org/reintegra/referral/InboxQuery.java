package org.reintegra.referral;

import java.util.Locale;
import java.util.Objects;

/** Which referrals a list shows: a view and an optional search by client name or reference. */
public record InboxQuery(InboxView view, String search) {

    public InboxQuery {
        Objects.requireNonNull(view, "view");
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > 100) {
            throw new IllegalArgumentException("search text too long");
        }
    }

    public static InboxQuery all() {
        return new InboxQuery(InboxView.ALL, null);
    }

    /** The LIKE pattern over the lower-case search key, with LIKE's wildcards escaped. */
    String searchPattern() {
        String escaped = search.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
