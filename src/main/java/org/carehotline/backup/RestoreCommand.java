package org.carehotline.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carehotline.config.ConfigException;
import org.carehotline.config.HotlineConfig;
import org.carehotline.store.EmbeddedBackup;

/**
 * {@code java -jar care-hotline.jar restore <backup.zip> [--data.dir=...]}: puts a backup's data
 * file in the configured data folder while the server is stopped. The backup is read back in
 * full first; the file it replaces is kept beside it; a running server's file is never touched.
 */
public final class RestoreCommand {

    private RestoreCommand() {
    }

    /**
     * Runs the command; returns the process exit code (0 restored, 2 bad arguments or
     * configuration, 1 refused or failed) after printing what happened.
     */
    public static int run(List<String> args, Map<String, String> env) {
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        if (files.size() != 1) {
            System.err.println("Usage: java -jar care-hotline.jar restore <backup.zip> [--data.dir=folder]");
            return 2;
        }
        HotlineConfig config;
        try {
            config = HotlineConfig.load(env, args.stream().filter(a -> a.startsWith("--")).toList());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!config.store().embedded()) {
            System.err.println("mongo.uri is set: restore a MongoDB with its own tools (mongorestore).");
            return 2;
        }
        Path zip = Path.of(files.get(0));
        if (!Files.isRegularFile(zip)) {
            System.err.println("No such backup file: " + zip);
            return 2;
        }
        try {
            Optional<Path> aside = EmbeddedBackup.restore(zip, config.store().dataDir());
            System.out.println("Restored " + zip + " into " + config.store().dataDir().toAbsolutePath() + "."
                    + aside.map(p -> " The data file it replaced is kept as " + p + ".").orElse(""));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("Not restored: " + e.getMessage());
            return 1;
        }
    }
}
