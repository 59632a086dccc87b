package org.accord.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.accord.pki.TrustServices;
import org.accord.pki.TrustServicesServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code accord trust-services}: the sample PKI's TSA, OCSP responder, CRLs and CA certificates over HTTP. */
@Command(name = "trust-services", mixinStandardHelpOptions = true,
        description = {"Serves the sample PKI's RFC 3161 TSA, OCSP responder, CRLs and CA certificates on",
                "127.0.0.1 under /pki until stopped (Ctrl-C). DEMO ONLY."})
final class TrustServicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "7070", paramLabel = "N", description = "Default: ${DEFAULT-VALUE}.")
    int port;

    @Mixin
    TrustOptions trust;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrustServices services = TrustServices.load(trust.pkiDir(), Clock.systemUTC());
        TrustServicesServer server = TrustServicesServer.start(services, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        out.println("accord trust-services: DEMO ONLY, serving " + server.baseUrl()
                + " (tsa, ocsp, crl/root.crl, crl/issuing.crl, ca/root.cer, ca/issuing.cer)");
        if (!server.baseUrl().equals(services.baseUrl())) {
            out.println("accord trust-services: note: the sample certificates point to " + services.baseUrl()
                    + "; revocation checks by URL will not reach this port");
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
