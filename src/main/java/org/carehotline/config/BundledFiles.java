package org.carehotline.config;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder of files the jar carries as classpath resources (the console's {@code templates/}:
 * pages and message bundles), each of which an optional folder on disk may override, file by
 * file. The server thus runs from any working directory with only its jar, while an operator
 * can still change a page or a text without rebuilding. Immutable and thread-safe.
 */
public final class BundledFiles {

    /** The classpath folder of the console's templates and texts (the repository's top-level {@code templates/}). */
    public static final String TEMPLATES = "templates";

    private final String classpathFolder;
    private final Optional<Path> override;

    private BundledFiles(String classpathFolder, Optional<Path> override) {
        this.classpathFolder = classpathFolder;
        this.override = override;
    }

    /**
     * The console's templates and texts.
     *
     * @param override a folder whose files replace the jar's of the same name (key {@code templates.dir});
     *                 empty: the jar's only
     */
    public static BundledFiles templates(Optional<Path> override) {
        return new BundledFiles(TEMPLATES, override);
    }

    /**
     * Opens a file: the override folder's if it has one of that name, else the jar's.
     *
     * @throws NoSuchFileException naming both places when neither has it
     */
    public InputStream open(String name) throws IOException {
        Optional<Path> file = override.map(dir -> dir.resolve(name)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            return Files.newInputStream(file.get());
        }
        InputStream bundled = BundledFiles.class.getResourceAsStream(resource(name));
        if (bundled == null) {
            throw new NoSuchFileException(where(name));
        }
        return bundled;
    }

    /** Where a file is looked for, for messages: the override folder (if any), then the classpath. */
    public String where(String name) {
        String inJar = "classpath:" + classpathFolder + "/" + name;
        return override.map(dir -> dir.resolve(name).toAbsolutePath() + " or " + inJar).orElse(inJar);
    }

    /**
     * A FreeMarker loader over the same files: the override folder first, then the classpath,
     * so a template's {@code <#import>} finds its siblings in whichever place has them.
     */
    public TemplateLoader templateLoader() {
        TemplateLoader inJar = new ClassTemplateLoader(BundledFiles.class, "/" + classpathFolder);
        if (override.isEmpty()) {
            return inJar;
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(override.get().toFile()), inJar});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read templates in " + override.get().toAbsolutePath(), e);
        }
    }

    private String resource(String name) {
        return "/" + classpathFolder + "/" + name;
    }
}
