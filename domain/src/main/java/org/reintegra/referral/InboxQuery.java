package org.reintegra.referral;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.Objects;
import org.reintegra.persistence.LikePattern;

/**
 * Which referrals a list shows: a view, an optional search by client name or reference, and
 * optional filters by programme area, sending office and the day the referral was sent (from, to
 * inclusive).
 */
public record InboxQuery(InboxView view, String search, ProgrammeArea programme, String office, LocalDate sentFrom,
                         LocalDate sentTo) {

    public InboxQuery {
        Objects.requireNonNull(view, "view");
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > 100) {
            throw new IllegalArgumentException("search text too long");
        }
        office = office == null || office.isBlank() ? null : office.strip();
        if (sentFrom != null && sentTo != null && sentTo.isBefore(sentFrom)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
    }

    public InboxQuery(InboxView view, String search) {
        this(view, search, null, null, null, null);
    }

    public static InboxQuery all() {
        return new InboxQuery(InboxView.ALL, null);
    }

    public InboxQuery withView(InboxView newView) {
        return new InboxQuery(newView, search, programme, office, sentFrom, sentTo);
    }

    public InboxQuery withSearch(String newSearch) {
        return new InboxQuery(view, newSearch, programme, office, sentFrom, sentTo);
    }

    public InboxQuery withFilters(ProgrammeArea newProgramme, String newOffice, LocalDate from, LocalDate to) {
        return new InboxQuery(view, search, newProgramme, newOffice, from, to);
    }

    /** Whether neither a search nor any filter narrows the list (the view aside). */
    public boolean isUnfiltered() {
        return search == null && programme == null && office == null && sentFrom == null && sentTo == null;
    }

    Instant sentFromInstant() {
        return sentFrom.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant sentBeforeInstant() {
        return sentTo.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The LIKE pattern over the lower-case search key, with LIKE's wildcards escaped. */
    String searchPattern() {
        return LikePattern.containing(search);
    }
}
