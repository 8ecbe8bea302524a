package org.reintegra.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CheckedFileTest {

    private static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
    private static final byte[] ZIP = {'P', 'K', 3, 4, 20, 0, 6, 0};

    @Test
    void theContentDecidesTheTypeNotTheName() {
        assertEquals("application/pdf", CheckedFile.of("court order.pdf", PDF).mediaType());
        assertEquals("image/png", CheckedFile.of("scan.png", PNG).mediaType());
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                CheckedFile.of("plan.docx", ZIP).mediaType());
        assertEquals("text/plain; charset=UTF-8",
                CheckedFile.of("note.txt", "Кыскача маалымат".getBytes(StandardCharsets.UTF_8)).mediaType());
    }

    @Test
    void aFileWhoseContentDoesNotMatchItsNameIsRefused() {
        assertRefused("attachment.type", "report.pdf", PNG);
        assertRefused("attachment.type", "virus.exe", PDF);
        assertRefused("attachment.type", "archive.zip", ZIP);
        assertRefused("attachment.type", "binary.txt", new byte[] {'a', 0, 'b'});
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertRefused("attachment.empty", "empty.pdf", new byte[0]);
        byte[] big = new byte[CheckedFile.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertRefused("attachment.too-large", "big.pdf", big);
    }

    @Test
    void theNameLosesAnyPathAndControlCharacters() {
        assertEquals("order.pdf", CheckedFile.of("C:\\Users\\nino\\..\\order.pdf", PDF).fileName());
        assertEquals("order.pdf", CheckedFile.of("/etc/../order\u0000.pdf", PDF).fileName());
        assertEquals(64, CheckedFile.of("order.pdf", PDF).sha256().length());
    }

    private static void assertRefused(String key, String name, byte[] content) {
        ReferralInputRejected refused = assertThrows(ReferralInputRejected.class, () -> CheckedFile.of(name, content));
        assertEquals(key, refused.messageKey());
    }
}
