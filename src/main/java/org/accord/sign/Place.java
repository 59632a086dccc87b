package org.accord.sign;

/**
 * Where a signatory signs, as it completes the signature block: {@code en} in English ("Astana"), {@code ru} in
 * Russian as it follows «в» («Астане»). {@code ru} may be null for documents whose blocks have no place to complete.
 */
public record Place(String en, String ru) {

    public Place {
        en = en == null || en.isBlank() ? null : en.strip();
        ru = ru == null || ru.isBlank() ? null : ru.strip();
    }
}
