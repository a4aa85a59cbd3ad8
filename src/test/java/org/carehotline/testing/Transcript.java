package org.carehotline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A transcript recorded from a real Asterisk 22 (src/test/resources/asterisk22/transcripts, see
 * its README): each line {@code S +0.005 |text} (sent by Asterisk) or {@code C ... |text} (sent by
 * the client), comments with {@code #}.
 */
public record Transcript(List<Line> lines) {

    /** One line of the exchange, without its line ending. */
    public record Line(boolean fromAsterisk, String text) {}

    public static final Path FOLDER = Path.of("src", "test", "resources", "asterisk22", "transcripts");

    public static Transcript read(String name) {
        try {
            List<Line> lines = new ArrayList<>();
            for (String raw : Files.readAllLines(FOLDER.resolve(name), StandardCharsets.UTF_8)) {
                int bar = raw.indexOf('|');
                if (raw.startsWith("#") || bar < 0 || !(raw.startsWith("S ") || raw.startsWith("C "))) {
                    continue;
                }
                lines.add(new Line(raw.startsWith("S "), raw.substring(bar + 1)));
            }
            return new Transcript(lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line Asterisk sent. */
    public List<String> fromAsterisk() {
        return lines.stream().filter(Line::fromAsterisk).map(Line::text).toList();
    }

    /** The AMI messages one side sent, each as its fields in order (a blank line ends one). */
    public List<Map<String, String>> messages(boolean fromAsterisk) {
        List<Map<String, String>> messages = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.fromAsterisk() != fromAsterisk) {
                continue;
            }
            if (line.text().isEmpty()) {
                if (!current.isEmpty()) {
                    messages.add(current);
                }
                current = new LinkedHashMap<>();
            } else {
                int colon = line.text().indexOf(": ");
                if (colon > 0) {
                    current.merge(line.text().substring(0, colon), line.text().substring(colon + 2), (a, b) -> a + "\n" + b);
                }
            }
        }
        return messages;
    }
}
