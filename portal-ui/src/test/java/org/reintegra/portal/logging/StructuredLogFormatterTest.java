package org.reintegra.portal.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

class StructuredLogFormatterTest {

    @Test
    void aLineIsOneJsonObjectWithTheRequestAndTenantAndNoExceptionMessages() {
        LogRecord record = new LogRecord(Level.WARNING, "Mail round failed for {0}");
        record.setParameters(new Object[] {"justice-art-ngo"});
        record.setLoggerName("org.reintegra.x");
        record.setThrown(new IllegalStateException("wrapped",
                new SQLException("duplicate key: Key (reference)=(Levan Tsiklauri \"NPA-7\")")));
        LogContext.enter("req-42", "justice-art-ngo");
        String line;
        try {
            line = new StructuredLogFormatter().format(record);
        } finally {
            LogContext.leave();
        }
        assertTrue(line.startsWith("{\"time\":\"") && line.endsWith("}\n"), line);
        assertEquals(1, line.split("\n").length, "one line");
        assertTrue(line.contains("\"level\":\"WARNING\""), line);
        assertTrue(line.contains("\"requestId\":\"req-42\""), line);
        assertTrue(line.contains("\"tenant\":\"justice-art-ngo\""), line);
        assertTrue(line.contains("\"message\":\"Mail round failed for justice-art-ngo\""), line);
        assertTrue(line.contains("\"exception\":\"java.lang.IllegalStateException <- java.sql.SQLException\""), line);
        assertFalse(line.contains("Tsiklauri"), "exception messages may quote data: " + line);
    }

    @Test
    void outsideARequestTheContextIsLeftOutAndQuotesAreEscaped() {
        LogRecord record = new LogRecord(Level.INFO, "say \"hi\"\n\tthen go");
        String line = new StructuredLogFormatter().format(record);
        assertFalse(line.contains("requestId") || line.contains("tenant"), line);
        assertTrue(line.contains("say \\\"hi\\\"\\n\\tthen go"), line);
    }

    @Test
    void onlyPlainRequestIdsAreTakenFromTheCaller() {
        assertEquals("abc-123_x.y", RequestContextFilter.requestIdOf("abc-123_x.y"));
        assertEquals(36, RequestContextFilter.requestIdOf("evil\nid").length());
        assertEquals(36, RequestContextFilter.requestIdOf(null).length());
        assertEquals(36, RequestContextFilter.requestIdOf("x".repeat(65)).length());
    }

    @Test
    void payaraMicrosBootReportStaysAsPrintedForTheToolsThatReadIt() {
        LogRecord record = new LogRecord(Level.INFO, "\nPayara Micro URLs:\nhttp://localhost:8080/\n");
        record.setLoggerName(StructuredLogFormatter.BOOT_LOGGER);
        assertEquals("\nPayara Micro URLs:\nhttp://localhost:8080/\n" + System.lineSeparator(),
                new StructuredLogFormatter().format(record));
    }
}
