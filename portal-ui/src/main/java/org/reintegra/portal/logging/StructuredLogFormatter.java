package org.reintegra.portal.logging;

import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One JSON object per line: time, level, logger, thread, request id, tenant, message, and for an
 * exception its types (outermost first) and the root cause's first stack frames. Exception
 * messages are left out: drivers and containers quote data values in them.
 *
 * <p>Payara Micro's own boot report (logger {@value #BOOT_LOGGER}: instance configuration, URLs,
 * "ready in") stays as Payara prints it, because tools read it (the Arquillian container finds the
 * deployment's address there); it holds no client data.
 */
public class StructuredLogFormatter extends Formatter {

    static final int FRAMES = 12;
    static final String BOOT_LOGGER = "PayaraMicro";

    @Override
    public String format(LogRecord record) {
        if (BOOT_LOGGER.equals(record.getLoggerName())) {
            return formatMessage(record) + System.lineSeparator();
        }
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "time", Instant.ofEpochMilli(record.getMillis()).toString());
        field(json, "level", record.getLevel().getName());
        field(json, "logger", record.getLoggerName());
        field(json, "thread", Thread.currentThread().getName());
        field(json, "requestId", LogContext.requestId());
        field(json, "tenant", LogContext.tenant());
        field(json, "message", formatMessage(record));
        Throwable thrown = record.getThrown();
        if (thrown != null) {
            StringBuilder types = new StringBuilder();
            Throwable root = thrown;
            for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
                types.append(types.isEmpty() ? "" : " <- ").append(t.getClass().getName());
                root = t;
            }
            field(json, "exception", types.toString());
            StringBuilder frames = new StringBuilder();
            StackTraceElement[] trace = root.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
                frames.append(i == 0 ? "" : " | ").append(trace[i]);
            }
            field(json, "at", frames.toString());
        }
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json.append("}\n").toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value == null) {
            return;
        }
        json.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append("\",");
    }
}
