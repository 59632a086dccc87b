package org.accord.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.accord.cli.AccordCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code accord serve}: the web service with its embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Starts the Accord service: REST API, OpenAPI at /openapi.json, Swagger UI at /docs.",
                "Defaults: H2 database under --data, the sample PKI's trust services in-process and under /pki,",
                "the sample keys, demo users secretariat and archivist (password accord-demo).",
                "Configuration: defaults, then --config FILE (properties), then ACCORD_* environment variables, then options."})
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", description = "Default: 7070 (server.port, $ACCORD_SERVER_PORT).")
    Integer port;

    @Option(names = "--host", paramLabel = "HOST", description = "Default: 127.0.0.1 (server.host).")
    String host;

    @Option(names = "--data", paramLabel = "DIR", description = "Where the embedded database lives. Default: data (data.dir).")
    Path data;

    @Option(names = "--config", paramLabel = "FILE", description = "A properties file (see README, 'Configuration'). Default: "
            + "conf/accord.properties of the installation, when run from one.")
    Path config;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new HashMap<>();
        if (port != null) {
            overrides.put("server.port", port.toString());
        }
        if (host != null) {
            overrides.put("server.host", host);
        }
        if (data != null) {
            overrides.put("data.dir", data.toString());
        }
        Config loaded;
        try {
            loaded = Config.load(config != null ? config : org.accord.pki.Home.configFile().orElse(null), System.getenv(), overrides);
        } catch (Config.ConfigException e) {
            System.err.println("accord serve: " + e.getMessage());
            return AccordCommand.EXIT_INVALID_INPUT;
        }
        Logging.apply(loaded.log());
        Service service;
        try {
            service = Service.start(loaded, System.out);
        } catch (Exception e) {
            System.err.println("accord serve: " + StartupFailure.explain(e, loaded));
            return AccordCommand.EXIT_INVALID_INPUT;
        }
        ClassArchive.markStarted();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "accord-shutdown"));
        stopped.await();
        return 0;
    }
}
