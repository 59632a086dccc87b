package org.accord.pki;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of the tokens a PKCS#11 module presents, by slot id. SunPKCS11 selects a slot by id or index only, so the
 * labels are read through the JDK's own PKCS#11 wrapper (the one SunPKCS11 loads the module with, shared per module
 * within the JVM); its package must be exported to Accord with
 * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}, which {@code bin/accord} passes.
 */
final class TokenLabels {

    static final String EXPORT = "--add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";
    private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
    /** CKF_OS_LOCKING_OK: the module may use the operating system's locks, as SunPKCS11 asks too. */
    private static final long OS_LOCKING_OK = 0x2L;

    private TokenLabels() {
    }

    /** Slot id → label (trailing blanks removed) of every slot with a token present. */
    static Map<Long, String> of(Path library) {
        if (!available()) {
            throw new TokenException(TokenException.Part.TOKEN, "a token can be found by its label only when the JVM runs with "
                    + EXPORT + " (bin/accord passes it); give the slot id instead");
        }
        try {
            Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
            Class<?> initArgs = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
            Object args = initArgs.getConstructor().newInstance();
            initArgs.getField("flags").setLong(args, OS_LOCKING_OK);
            Object module = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                    .invoke(null, library.toString(), "C_GetFunctionList", args, false);
            Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
            Map<Long, String> labels = new LinkedHashMap<>();
            for (long slot : (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true)) {
                Object info = tokenInfo.invoke(module, slot);
                labels.put(slot, new String((char[]) info.getClass().getField("label").get(info)).stripTrailing());
            }
            return labels;
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new TokenException(TokenException.Part.LIBRARY, "the PKCS#11 library " + library + " cannot be loaded or list "
                    + "its tokens (" + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName()) + ")", cause);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new TokenException(TokenException.Part.TOKEN, "this JVM's PKCS#11 wrapper cannot list tokens (" + e
                    + "); give the slot id instead", e);
        }
    }

    private static boolean available() {
        return ModuleLayer.boot().findModule("jdk.crypto.cryptoki")
                .map(m -> m.isExported("sun.security.pkcs11.wrapper", TokenLabels.class.getModule())).orElse(false);
    }
}
