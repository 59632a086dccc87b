package org.accord.verify;

import eu.europa.esig.dss.validation.reports.Reports;

/** A verdict and, when DSS ran, its reports (simple, detailed, diagnostic, ETSI TS 119 102-2). */
public record Verification(DocumentReport report, Reports dss) {
}
