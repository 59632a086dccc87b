/**
 * The sample (demo-only) PKI and its trust services: certificate generation, an RFC 3161 time-stamping
 * authority, CRLs and an OCSP responder as plain request → response handlers, and a small HTTP server for
 * them. Entries: {@link org.accord.pki.SamplePki} (generate), {@link org.accord.pki.TrustServices} (serve).
 */
package org.accord.pki;
