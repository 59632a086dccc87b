/**
 * PAdES signatures with EU DSS: each party's signature into its field, as an incremental update, time-stamped
 * by an RFC 3161 authority; the secretariat's certification; two-step signing for keys that never reach
 * Accord; and the refusals that keep a bad signature from being made. One entry: {@link org.accord.sign.Signer}.
 */
package org.accord.sign;
