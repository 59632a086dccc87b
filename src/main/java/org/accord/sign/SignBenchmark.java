package org.accord.sign;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.spi.DSSUtils;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Consumer;
import org.accord.measure.Sampler;
import org.accord.measure.Stats;
import org.accord.pki.KeyEntry;

/**
 * Times Accord's signing (checks, DSS, level check) against raw DSS calls making the same signature on the same
 * document in the same JVM, and against the bare JCA signature (the floor): warm, interleaved.
 */
public final class SignBenchmark {

    /** Accord's signing should cost at most this many times raw DSS (median wall time). */
    public static final double TARGET_RATIO = 1.3;

    private final Signer signer;
    private final Consumer<String> progress;

    public SignBenchmark(Signer signer, Consumer<String> progress) {
        this.signer = Objects.requireNonNull(signer, "signer cannot be null");
        this.progress = Objects.requireNonNull(progress, "progress cannot be null");
    }

    /** Figures of one level: Accord, raw DSS and the bare JCA signature. */
    public record Result(Level level, int warmup, int iterations, Stats accord, Stats dss, Stats jca) {

        public double timeRatio() {
            return accord.timeRatio(dss);
        }

        public boolean meetsTarget() {
            return timeRatio() <= TARGET_RATIO;
        }
    }

    /** Measures one level on {@code pdf}, signing {@code request}'s field with {@code key}. */
    public Result measure(byte[] pdf, SignRequest request, KeyEntry key, int warmup, int iterations) {
        progress.accept(request.level().code() + ": warming up (" + warmup + " iterations)");
        byte[] toSign = signer.dataToSign(pdf, request, key.chain()).dataToSign();
        String algorithm = Signer.javaAlgorithm(key.certificate());
        for (int i = 0; i < warmup; i++) {
            signer.sign(pdf, request, key);
            raw(pdf, request, key);
            jca(toSign, algorithm, key);
        }
        progress.accept(request.level().code() + ": measuring (" + iterations + " iterations)");
        Sampler accord = new Sampler(iterations);
        Sampler dss = new Sampler(iterations);
        Sampler jca = new Sampler(iterations);
        for (int i = 0; i < iterations; i++) {
            accord.sample(() -> signer.sign(pdf, request, key));
            dss.sample(() -> raw(pdf, request, key));
            jca.sample(() -> jca(toSign, algorithm, key));
        }
        return new Result(request.level(), warmup, iterations, accord.stats(), dss.stats(), jca.stats());
    }

    /** The same signature with DSS alone: data to sign, JCA signature, sign document. No checks around it. */
    private byte[] raw(byte[] pdf, SignRequest request, KeyEntry key) {
        Prepared state = new Prepared(pdf, request, request.level(), key.chain(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS), null, Signer.javaAlgorithm(key.certificate()));
        PAdESSignatureParameters parameters = signer.parameters(state);
        ToBeSigned toBeSigned = signer.service().getDataToSign(new InMemoryDocument(pdf), parameters);
        byte[] value = jca(toBeSigned.getBytes(), state.javaAlgorithm(), key);
        return DSSUtils.toByteArray(signer.service().signDocument(new InMemoryDocument(pdf), parameters,
                new SignatureValue(Signer.algorithm(key.certificate()), value)));
    }

    private static byte[] jca(byte[] data, String algorithm, KeyEntry key) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initSign(key.key());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
