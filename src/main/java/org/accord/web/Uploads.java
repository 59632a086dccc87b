package org.accord.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;

/** Request bodies and uploaded parts, read within the configured bound. */
final class Uploads {

    private Uploads() {
    }

    /** The bytes of part {@code name}; 400 when the request has no such part. */
    static byte[] part(Context ctx, String name, long max) {
        requireForm(ctx);
        UploadedFile file = ctx.uploadedFile(name);
        if (file == null) {
            throw Problem.badRequest("the multipart request has no part '" + name + "'");
        }
        if (file.size() > max) {
            throw Problems.fromStatus(413, "part '" + name + "' is " + file.size() + " bytes; at most " + max + " are accepted");
        }
        try (InputStream in = file.content()) {
            return in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            throw Problem.badRequest("part '" + name + "' cannot be read");
        }
    }

    /** Whether part {@code name} was uploaded. */
    static boolean has(Context ctx, String name) {
        requireForm(ctx);
        return ctx.uploadedFile(name) != null;
    }

    /** A form field; null when absent. */
    static String field(Context ctx, String name) {
        requireForm(ctx);
        return ctx.formParam(name);
    }

    private static void requireForm(Context ctx) {
        String type = String.valueOf(ctx.contentType()).toLowerCase(java.util.Locale.ROOT);
        if (!type.startsWith("multipart/form-data") && !type.startsWith("application/x-www-form-urlencoded")) {
            throw Problems.fromStatus(415, "send multipart/form-data");
        }
    }
}
