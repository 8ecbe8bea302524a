package org.reintegra.portal.logging;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Switches the server's log handlers to {@link StructuredLogFormatter} while the portal runs
 * ({@code reintegra.log.format=json}, the default; {@code text} keeps Payara's own format), and
 * puts the previous formatters back when it stops.
 */
@Singleton
@Startup
public class StructuredLogging {

    @Inject
    @ConfigProperty(name = "reintegra.log.format", defaultValue = "json")
    String format;

    private final Map<Handler, Formatter> previous = new HashMap<>();

    @PostConstruct
    void install() {
        if (!"json".equalsIgnoreCase(format)) {
            return;
        }
        StructuredLogFormatter structured = new StructuredLogFormatter();
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            previous.put(handler, handler.getFormatter());
            handler.setFormatter(structured);
        }
        Logger.getLogger(StructuredLogging.class.getName()).info("Structured (JSON) logs from here on");
    }

    @PreDestroy
    void uninstall() {
        previous.forEach((handler, formatter) -> {
            if (formatter != null) {
                handler.setFormatter(formatter);
            }
        });
        previous.clear();
    }
}
