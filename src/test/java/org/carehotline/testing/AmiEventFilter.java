package org.carehotline.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One manager.conf {@code eventfilter} line, parsed and matched as Asterisk 22's manager.c does
 * ({@code manager_add_filter}, {@code filter_cmp_fn}, {@code match_eventdata}):
 *
 * <ul>
 *   <li>Legacy {@code eventfilter = [!]regex}: a POSIX extended regex searched anywhere in the whole
 *       event text ({@code Event: X\r\nPrivilege: ...\r\n...}); {@code .} also matches CR and LF
 *       (regcomp without REG_NEWLINE), so one regex can span headers. A leading {@code !} excludes.</li>
 *   <li>Advanced {@code eventfilter(action(include|exclude),name(Event),header(Name),method(m)) = [pattern]}
 *       (Asterisk 20.11, 21.6, 22.1 and later): {@code name} compares the event's name exactly (a
 *       hash, case-sensitive); {@code header} narrows the data to the value of each line that starts
 *       with {@code Name:} (blanks skipped); {@code method} is regex, exact, starts_with, ends_with,
 *       contains or none (the default for the advanced form: the pattern must then be empty). A
 *       leading {@code !} on the pattern excludes too; {@code action} wins.</li>
 * </ul>
 * A line Asterisk refuses (it logs a warning and ignores the filter) throws here, so that a test
 * finds a config line that would not work.
 */
final class AmiEventFilter {

    enum Method { REGEX, EXACT, STARTS_WITH, ENDS_WITH, CONTAINS, NONE }

    private static final Pattern LINE = Pattern.compile("(eventfilter(?:\\(.*\\))?)\\s*=\\s*(.*)", Pattern.DOTALL);

    final boolean exclude;
    private final String eventName;
    private final String header;
    private final Method method;
    private final String pattern;
    private final Pattern regex;

    private AmiEventFilter(boolean exclude, String eventName, String header, Method method, String pattern) {
        this.exclude = exclude;
        this.eventName = eventName;
        this.header = header;
        this.method = method;
        this.pattern = pattern;
        this.regex = method == Method.REGEX ? Pattern.compile(posixToJava(pattern), Pattern.DOTALL) : null;
    }

    /** Parses {@code eventfilter... = ...} as manager.conf holds it (comments already stripped). */
    static AmiEventFilter parse(String line) {
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an eventfilter line: " + line);
        }
        String criteria = m.group(1);
        String pattern = m.group(2).strip();
        boolean exclude = false;
        if (pattern.startsWith("!")) {
            exclude = true;
            pattern = pattern.substring(1);
        }
        int open = criteria.indexOf('(');
        if (open < 0) {
            if (pattern.isEmpty()) {
                throw new IllegalArgumentException("legacy filter with no filter pattern: " + line);
            }
            return new AmiEventFilter(exclude, null, null, Method.REGEX, pattern);
        }
        String name = null;
        String header = null;
        Method method = Method.NONE;
        boolean found = false;
        // manager.c: strtok_r(options, " ,)") then the text after each token's '('
        for (String option : criteria.substring(open + 1).split("[ ,)]+")) {
            if (option.isEmpty()) {
                continue;
            }
            String value = option.contains("(") ? option.substring(option.indexOf('(') + 1).strip() : "";
            if (option.startsWith("action")) {
                exclude = switch (value) {
                    case "include" -> false;
                    case "exclude" -> true;
                    default -> throw new IllegalArgumentException("'action' option unknown: " + line);
                };
            } else if (option.startsWith("name")) {
                name = required(value, "name", line);
            } else if (option.startsWith("header")) {
                String h = required(value, "header", line);
                header = h.endsWith(":") ? h : h + ":";
            } else if (option.startsWith("method")) {
                method = Method.valueOf(required(value, "method", line).toUpperCase(java.util.Locale.ROOT));
            } else {
                throw new IllegalArgumentException("filter option unknown: " + line);
            }
            found = true;
        }
        if (!found) {
            throw new IllegalArgumentException("no action, name, header, or method option: " + line);
        }
        if (pattern.isEmpty() != (method == Method.NONE)) {
            throw new IllegalArgumentException("method " + method + " with " + (pattern.isEmpty() ? "no" : "a")
                    + " filter pattern: " + line);
        }
        if (name == null && header == null && method == Method.NONE) {
            throw new IllegalArgumentException("no name or header option and no filter pattern: " + line);
        }
        return new AmiEventFilter(exclude, name, header, method, pattern);
    }

    private static String required(String value, String option, String line) {
        if (value.isEmpty()) {
            throw new IllegalArgumentException("'" + option + "' parameter not formatted correctly: " + line);
        }
        return value;
    }

    /** manager.c's filter_cmp_fn: the name first, then the whole text or each line of the header. */
    boolean matches(String name, String text) {
        if (eventName != null && !eventName.equals(name)) {
            return false;
        }
        if (header == null) {
            return matchData(text);
        }
        for (String line : text.split("\r\n")) {
            if (line.startsWith(header)) {
                String data = line.substring(header.length()).stripLeading();
                if (!data.isEmpty() && matchData(data)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean matchData(String data) {
        return switch (method) {
            case REGEX -> regex.matcher(data).find();
            case EXACT -> data.equals(pattern);
            case STARTS_WITH -> data.startsWith(pattern);
            case ENDS_WITH -> data.endsWith(pattern);
            case CONTAINS -> data.contains(pattern);
            case NONE -> true;
        };
    }

    /** POSIX bracket classes, which Java's regex does not know, in Java's spelling. */
    private static String posixToJava(String regex) {
        return regex.replace("[:space:]", "\\s").replace("[:alpha:]", "\\p{Alpha}")
                .replace("[:digit:]", "\\d").replace("[:alnum:]", "\\p{Alnum}").replace("[:upper:]", "\\p{Upper}")
                .replace("[:lower:]", "\\p{Lower}");
    }
}
