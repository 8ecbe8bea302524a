package org.reintegra.referral;

import java.time.Instant;

/** An attachment as lists show it (no content). */
public record AttachmentSummary(long id, DataKind kind, String fileName, String mediaType, int sizeBytes,
                                String uploadedBy, ReferralSide uploadedBySide, Instant uploadedAt) {
}
