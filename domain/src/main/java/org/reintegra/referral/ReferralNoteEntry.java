package org.reintegra.referral;

import java.time.Instant;

/** A note or question as the referral page shows it. */
public record ReferralNoteEntry(String author, ReferralSide authorSide, boolean question, String body, Instant writtenAt) {

    static ReferralNoteEntry of(ReferralNote note) {
        return new ReferralNoteEntry(note.author(), note.authorSide(), note.question(), note.body(), note.writtenAt());
    }
}
