package org.accord.pki;

import java.nio.file.Path;

/** Where the sample PKI keeps its files, and the paths of the trust services under their base URL. */
public final class PkiFiles {

    /** The password of every sample keystore. Demo only: printed in README and keystores-sample/README.md. */
    public static final String DEMO_PASSWORD = "accord-demo";

    public static final String ROOT_PEM = "root-ca.pem";
    public static final String ROOT_P12 = "root-ca.p12";
    public static final String ISSUING_PEM = "issuing-ca.pem";
    public static final String ISSUING_P12 = "issuing-ca.p12";
    /** The issuing CA's revocations (a CRL as issued at generation): the trust services' source of truth. */
    public static final String REVOCATIONS = "issuing-ca-revocations.crl";
    public static final String TSA_P12 = "tsa.p12";
    public static final String SEAL_P12 = "secretariat-seal.p12";
    public static final String NEGATIVE_DIR = "negative";

    /** Service paths, relative to the base URL. */
    public static final String TSA_PATH = "/tsa";
    public static final String OCSP_PATH = "/ocsp";
    public static final String ROOT_CRL_PATH = "/crl/root.crl";
    public static final String ISSUING_CRL_PATH = "/crl/issuing.crl";
    public static final String ROOT_CERT_PATH = "/ca/root.cer";
    public static final String ISSUING_CERT_PATH = "/ca/issuing.cer";

    private PkiFiles() {
    }

    /** The keystore of a party's signatory, {@code <party-id>.p12}. */
    public static Path party(Path dir, String partyId) {
        return dir.resolve(partyId + ".p12");
    }

    /** A negative-test keystore: expired, not-yet-valid, revoked or no-non-repudiation. */
    public static Path negative(Path dir, String name) {
        return dir.resolve(NEGATIVE_DIR).resolve(name + ".p12");
    }
}
