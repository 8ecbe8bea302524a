package org.reintegra.referral;

/** An attachment's content for a download. */
public record AttachmentContent(String fileName, String mediaType, byte[] content) {
}
