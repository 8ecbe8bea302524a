package org.reintegra.referral;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An uploaded file that passed the checks: at most {@link #MAX_BYTES}, of an accepted type as its
 * content shows (not as its name or the browser claims): PDF, PNG, JPEG, Word (.docx),
 * OpenDocument text (.odt) or plain UTF-8 text. The name is kept without any path.
 */
public record CheckedFile(String fileName, String mediaType, byte[] content, String sha256) {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final String ACCEPTED = ".pdf,.png,.jpg,.jpeg,.docx,.odt,.txt";

    /** Checks the upload; refuses with the field "attachment" and a message key. */
    public static CheckedFile of(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new ReferralInputRejected("attachment", "attachment.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ReferralInputRejected("attachment", "attachment.too-large");
        }
        String name = baseName(fileName);
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String type = detectType(content, extension);
        if (type == null) {
            throw new ReferralInputRejected("attachment", "attachment.type");
        }
        return new CheckedFile(name, type, content, sha256(content));
    }

    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        name = name.replaceAll("[\\p{Cntrl}]", "");
        if (name.isEmpty()) {
            throw new ReferralInputRejected("attachment", "attachment.name");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String detectType(byte[] c, String extension) {
        if (startsWith(c, '%', 'P', 'D', 'F', '-') && extension.equals("pdf")) {
            return "application/pdf";
        }
        if (startsWith(c, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A) && extension.equals("png")) {
            return "image/png";
        }
        if (startsWith(c, 0xFF, 0xD8, 0xFF) && (extension.equals("jpg") || extension.equals("jpeg"))) {
            return "image/jpeg";
        }
        if (startsWith(c, 'P', 'K', 0x03, 0x04)) {
            if (extension.equals("docx")) {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }
            if (extension.equals("odt")) {
                return "application/vnd.oasis.opendocument.text";
            }
            return null;
        }
        if (extension.equals("txt") && isText(c)) {
            return "text/plain; charset=UTF-8";
        }
        return null;
    }

    private static boolean isText(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
