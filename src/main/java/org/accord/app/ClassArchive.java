package org.accord.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class archive of {@code bin/accord serve}. When an installation has none yet, the launcher starts the JVM with
 * {@code -XX:ArchiveClassesAtExit=PART} (Java's dynamic class data sharing: the classes loaded are written out when
 * the JVM stops) and {@code -Daccord.cds.started=PART.ok}. Once {@code serve} is up, this writes that marker; the next
 * start of the launcher takes an archive as its own only when its marker is there and its process is gone, so an
 * archive of a start that failed half-way is never used. The next starts map the classes instead of loading each.
 */
final class ClassArchive {

    private static final Logger LOG = LoggerFactory.getLogger(ClassArchive.class);
    static final String PROPERTY = "accord.cds.started";

    private ClassArchive() {
    }

    /** Marks this start as one whose class archive may be used, when the launcher asked for one. */
    static void markStarted() {
        String marker = System.getProperty(PROPERTY);
        if (marker == null || marker.isBlank()) {
            return;
        }
        try {
            Files.write(Path.of(marker), new byte[0]);
        } catch (IOException e) {
            LOG.info("the class archive of this start will not be used ({}): later starts load their classes one by one",
                    e.getClass().getSimpleName());
        }
    }
}
