package org.carehotline.console;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.carehotline.config.BundledFiles;

/**
 * The console's FreeMarker templates: the jar's {@code templates/}, each of which a file in
 * {@code templates.dir} may replace (see {@link BundledFiles}). Files end in {@code .ftlh}, so HTML
 * auto-escaping is on for every {@code ${...}}. Compiled templates are cached; rendering is
 * CPU-only and thread-safe, done on the virtual thread that loaded the page's data.
 */
final class Templates {

    private final Configuration config = new Configuration(Configuration.VERSION_2_3_34);

    Templates(BundledFiles files) {
        config.setTemplateLoader(files.templateLoader());
        config.setDefaultEncoding(StandardCharsets.UTF_8.name());
        config.setOutputEncoding(StandardCharsets.UTF_8.name());
        config.setURLEscapingCharset(StandardCharsets.UTF_8.name());
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
        config.setAPIBuiltinEnabled(false);
    }

    String render(String name, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            config.getTemplate(name).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + name + " failed: " + e.getMessage(), e);
        }
    }
}
