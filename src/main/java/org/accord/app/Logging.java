package org.accord.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import org.slf4j.LoggerFactory;

/**
 * The service's logs as configured ({@code log.format}, {@code log.requests}), over {@code logback.xml}: one stream on
 * stderr, as text or as one JSON object per line (Logback's own {@link JsonEncoder}, whose lines carry the request id
 * in {@code mdc} and a request's route, status and duration as key-value pairs).
 */
final class Logging {

    static final String REQUEST_LOGGER = "org.accord.web.RequestLog";

    private Logging() {
    }

    /** Applies {@code log} to the process's logging; a no-op where Logback is not the backend. */
    static void apply(Config.Log log) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(REQUEST_LOGGER).setLevel(log.requests() ? Level.INFO : Level.WARN);
        if (log.json() && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")
                instanceof OutputStreamAppender<ILoggingEvent> console) {
            JsonEncoder json = new JsonEncoder();
            json.setContext(context);
            json.setWithSequenceNumber(false);
            json.setWithNanoseconds(false);
            json.setWithContext(false);
            json.setWithMessage(false);
            json.setWithArguments(false);
            json.setWithFormattedMessage(true);
            json.start();
            console.stop();
            console.setEncoder(json);
            console.start();
        }
    }
}
