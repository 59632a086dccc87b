/**
 * The sample (demo-only) PKI and its trust services: certificate generation, an RFC 3161 time-stamping
 * authority, CRLs and an OCSP responder as plain request → response handlers, and a small HTTP server for
 * them; and the key sources: PKCS#12 files ({@link org.accord.pki.KeyEntry#read}) and PKCS#11 tokens
 * ({@link org.accord.pki.Pkcs11Token}). Entries: {@link org.accord.pki.SamplePki} (generate),
 * {@link org.accord.pki.TrustServices} (serve).
 */
package org.accord.pki;
