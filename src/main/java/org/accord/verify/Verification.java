package org.accord.verify;

import eu.europa.esig.dss.validation.reports.Reports;

/** A verdict and, when DSS ran, its reports (simple, detailed, diagnostic, ETSI TS 119 102-2). */
public record Verification(DocumentReport report, Reports dss) {

    /** The verdict on a file that could not even be read. */
    public static Verification unreadable(String file) {
        return new Verification(DocumentReport.unusable(file, Finding.of(Finding.Code.CANNOT_READ_FILE)), null);
    }
}
