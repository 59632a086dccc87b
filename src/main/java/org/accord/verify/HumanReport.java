package org.accord.verify;

import eu.europa.esig.dss.validation.reports.Reports;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.accord.render.Renderer;

/**
 * The reports an archivist files: DSS's simple, detailed and diagnostic XML, the ETSI TS 119 102-2 validation
 * report, and Accord's human report in English and Russian as HTML and as PDF/A.
 */
public final class HumanReport {

    private final Configuration html;
    private final Renderer renderer;

    public HumanReport(Renderer renderer) {
        this.renderer = renderer;
        this.html = new Configuration(Configuration.VERSION_2_3_34);
        html.setClassLoaderForTemplateLoading(HumanReport.class.getClassLoader(), "templates");
        html.setDefaultEncoding("UTF-8");
        html.setLocale(Locale.ROOT);
        html.setNumberFormat("computer");
        html.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        html.setLogTemplateExceptions(false);
        html.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        html.setAPIBuiltinEnabled(false);
    }

    /** The human report as HTML in {@code lang} ({@code en} or {@code ru}). */
    public String html(DocumentReport report, String lang) {
        try {
            StringWriter out = new StringWriter();
            html.getTemplate("report/report.ftlh").process(model(report, lang), out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("the report template failed: " + e.getMessage(), e);
        }
    }

    /** The human report as PDF/A-3b in {@code lang}. */
    public byte[] pdf(DocumentReport report, String lang) {
        return renderer.renderDocument("fo/report.ftlx", model(report, lang));
    }

    /** Writes every report of one document into {@code dir}, named after it; returns the files written. */
    public List<Path> writeAll(Path dir, String baseName, Verification v) throws IOException {
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        Reports dss = v.dss();
        if (dss != null) {
            written.add(write(dir.resolve(baseName + ".simple-report.xml"), dss.getXmlSimpleReport()));
            written.add(write(dir.resolve(baseName + ".detailed-report.xml"), dss.getXmlDetailedReport()));
            written.add(write(dir.resolve(baseName + ".diagnostic-data.xml"), dss.getXmlDiagnosticData()));
            written.add(write(dir.resolve(baseName + ".etsi-validation-report.xml"), dss.getXmlValidationReport()));
        }
        for (String lang : List.of("en", "ru")) {
            written.add(write(dir.resolve(baseName + ".report." + lang + ".html"), html(v.report(), lang)));
            Path pdf = dir.resolve(baseName + ".report." + lang + ".pdf");
            Files.write(pdf, pdf(v.report(), lang));
            written.add(pdf);
        }
        return written;
    }

    private static Path write(Path file, String text) throws IOException {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> model(DocumentReport report, String lang) {
        Map<String, Object> model = new HashMap<>();
        Wording words = Wording.of(lang);
        model.put("r", report);
        model.put("w", words);
        model.put("l", words.labels());
        model.put("lang", words.lang());
        model.put("generated", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return model;
    }
}
