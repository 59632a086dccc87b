package org.accord.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.accord.testing.Http;
import org.accord.testing.TestPki;

/** A real Accord service on a free loopback port, with the test PKI's keys, stopped by the test. */
final class Running implements AutoCloseable {

    static final String PASSWORD = "accord-demo";

    final Service service;
    final Http anonymous;
    final Http secretariat;
    final Http archivist;
    final String startOutput;

    private Running(Service service, String startOutput) {
        this.service = service;
        this.startOutput = startOutput;
        this.anonymous = new Http(service.url());
        this.secretariat = anonymous.as("secretariat", PASSWORD);
        this.archivist = anonymous.as("archivist", PASSWORD);
    }

    /** Starts on {@code data} with the embedded H2 unless {@code settings} say otherwise. */
    static Running start(Path data, Map<String, String> settings) throws IOException {
        return start(data, settings, java.time.Clock.systemUTC());
    }

    /** As {@link #start(Path, Map)}, with the clock the journeys read. */
    static Running start(Path data, Map<String, String> settings, java.time.Clock clock) throws IOException {
        Map<String, String> s = new HashMap<>();
        s.put("server.port", "0");
        s.put("data.dir", data.toString());
        s.put("pki.dir", TestPki.dir().toString());
        s.putAll(settings);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Service service = Service.start(Config.load(null, Map.of(), s), new PrintStream(out, true, "UTF-8"), clock);
        return new Running(service, out.toString("UTF-8"));
    }

    @Override
    public void close() {
        service.close();
    }
}
