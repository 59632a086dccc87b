package org.accord.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The service flow on the embedded H2 database of the default set-up. */
class H2ServiceIT extends ServiceFlowContract {

    @TempDir
    static Path data;
    private static Running running;

    @BeforeAll
    static void start() throws IOException {
        running = Running.start(data, Map.of());
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @Override
    Running service() {
        return running;
    }
}
