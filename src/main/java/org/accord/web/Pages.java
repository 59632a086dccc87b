package org.accord.web;

import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.accord.store.User;

/**
 * The web pages: FreeMarker {@code .ftlh} templates under {@code templates/web} (HTML output format, so every
 * value is escaped), their wording in English and Russian ({@code text_en.properties}, {@code text_ru.properties}),
 * and the reader's language: {@code ?lang=}, remembered in a cookie, else the browser's preference.
 */
final class Pages {

    static final String LANG_COOKIE = "accord_lang";
    private static final Map<String, DateTimeFormatter> DATE = Map.of(
            "en", DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC),
            "ru", DateTimeFormatter.ofPattern("d\u00A0MMMM yyyy\u00A0'года'", Locale.forLanguageTag("ru")).withZone(ZoneOffset.UTC));

    private final Configuration freemarker;
    private final Map<String, Map<String, String>> texts = Map.of("en", texts("en"), "ru", texts("ru"));
    private final Sessions sessions;

    Pages(Sessions sessions) {
        this.sessions = sessions;
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassLoaderForTemplateLoading(Pages.class.getClassLoader(), "templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setAPIBuiltinEnabled(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    /** The wording of the pages in {@code lang}. */
    Map<String, String> text(String lang) {
        return texts.get(lang);
    }

    /** The reader's language; {@code ?lang=} also sets the cookie that remembers it. */
    static String lang(Context ctx) {
        String asked = ctx.queryParam("lang");
        if ("en".equals(asked) || "ru".equals(asked)) {
            io.javalin.http.Cookie c = new io.javalin.http.Cookie(LANG_COOKIE, asked, "/", 365 * 24 * 3600, false);
            c.setSameSite(io.javalin.http.SameSite.LAX);
            ctx.cookie(c);
            return asked;
        }
        String remembered = ctx.cookie(LANG_COOKIE);
        if ("en".equals(remembered) || "ru".equals(remembered)) {
            return remembered;
        }
        String accept = String.valueOf(ctx.header("Accept-Language")).toLowerCase(Locale.ROOT);
        return accept.startsWith("ru") ? "ru" : "en";
    }

    /** Keeps {@code value} in the browser's session for the page it is redirected to. */
    void flash(Context ctx, String key, Object value) {
        sessions.get(ctx).flash(key, value);
    }

    /** What the page before the redirect kept under {@code key}, once. */
    Object takeFlash(Context ctx, String key) {
        return sessions.get(ctx).take(key);
    }

    /** Renders {@code template} with {@code model} and what every page needs (language, wording, user, CSRF token). */
    void render(Context ctx, String template, Map<String, Object> model) {
        String lang = lang(ctx);
        Sessions.Session session = sessions.get(ctx);
        Map<String, Object> m = new HashMap<>(model);
        m.put("lang", lang);
        m.put("other", lang.equals("en") ? "ru" : "en");
        m.put("t", texts.get(lang));
        m.put("csrf", session.csrf);
        User user = session.user;
        m.put("user", user == null ? null : Map.of("name", user.username(), "role", user.role().name().toLowerCase(Locale.ROOT)));
        m.put("path", ctx.path());
        StringWriter out = new StringWriter();
        try {
            freemarker.getTemplate("web/" + template).process(m, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("page " + template + " failed: " + e.getMessage(), e);
        }
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    /** A time for people, in their language ("23 November 2026, 03:57 UTC" / "23 ноября 2026 года, 03:57 UTC"). */
    static String dateTime(Instant t, String lang) {
        return org.accord.workflow.Times.format(t, lang);
    }

    /** A date for people, in their language. */
    static String date(Instant t, String lang) {
        return t == null ? "" : DATE.get(lang).format(t);
    }

    private static Map<String, String> texts(String lang) {
        String name = "templates/web/text_" + lang + ".properties";
        try (InputStream in = Pages.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> m = new HashMap<>();
            p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
            return Map.copyOf(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
