/**
 * Validation archivists can trust: EU DSS with Accord's strict policy, Accord's own checks where DSS is silent,
 * verdicts per document and per signature, and the reports to file. One entry: {@link org.accord.verify.Verifier}.
 */
package org.accord.verify;
