package org.accord.cli;

import java.io.PrintWriter;
import org.accord.verify.DocumentReport;
import org.accord.verify.SignatureReport;

/** The verdicts as text, in English or Russian. */
final class Texts {

    private Texts() {
    }

    static void print(PrintWriter out, DocumentReport r, String lang) {
        boolean ru = lang.equals("ru");
        if (r.error() != null) {
            out.println(r.file() + ": " + (ru ? "НЕ ПРОВЕРЕН: " : "CANNOT BE VALIDATED: ") + r.error());
            return;
        }
        out.println(r.file() + ": " + (r.valid() ? (ru ? "ДЕЙСТВИТЕЛЕН" : "VALID") : (ru ? "НЕДЕЙСТВИТЕЛЕН" : "NOT VALID"))
                + (r.demoTrust() ? (ru ? " (ДЕМОНСТРАЦИОННЫЙ КОРНЕВОЙ СЕРТИФИКАТ)" : " (DEMO TRUST ANCHOR)") : ""));
        for (SignatureReport s : r.signatures()) {
            out.println("  " + s.field() + " [" + s.kind() + "] " + (s.signer() == null ? "?" : s.signer()) + ": "
                    + s.indication() + (s.subIndication() == null ? "" : "/" + s.subIndication())
                    + (s.level() == null ? "" : ", " + s.level())
                    + (s.timestampTime() == null ? "" : (ru ? ", время по метке времени " : ", time-stamped ") + s.timestampTime())
                    + (s.intact() ? "" : (ru ? ", ИЗМЕНЁН ИЛИ ПОВРЕЖДЁН" : ", CHANGED OR BROKEN")));
            s.modificationsAfter().forEach(m -> out.println("      " + (ru ? "после подписи: " : "after signing: ") + m));
            s.errors().forEach(e -> out.println("      " + (ru ? "ошибка: " : "error: ") + e));
        }
        r.findings().forEach(f -> out.println("  " + (ru ? "замечание: " : "finding: ") + f));
        if (r.agreement() != null) {
            DocumentReport.Agreement a = r.agreement();
            out.println("  " + (ru ? "соглашение " : "agreement ") + a.id() + (ru ? ", подлинный экземпляр " : ", original ")
                    + a.original() + "/" + a.originals() + (ru ? ", подписали: " : ", signed by: ") + a.signedBy()
                    + (a.lastSignedAt() == null ? "" : (ru ? ", последняя подпись " : ", last signature ") + a.lastSignedAt())
                    + (a.entryIntoForce() == null ? "" : (ru ? ", вступает в силу " : ", enters into force ") + a.entryIntoForce()));
        }
    }
}
