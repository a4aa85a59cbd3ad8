package org.carehotline.telephony;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.carehotline.telephony.agi.DialplanNames;
import org.carehotline.telephony.agi.Prompts;
import org.junit.jupiter.api.Test;

/**
 * The files shipped beside the code agree with it: every prompt the scripts play has its text
 * and a sound file in Chinese and English, the dialplan uses the code's names, and the
 * compose file sets only real configuration keys.
 */
class DeploymentFilesTest {

    private static final Path DIALPLAN = Path.of("dialplan");

    @Test
    void everyPlayedPromptHasASoundFileInEachLanguage() {
        for (String prompt : Prompts.ALL) {
            for (String language : List.of("zh", "en")) {
                Path file = DIALPLAN.resolve("sounds").resolve(language).resolve(prompt + ".wav");
                assertTrue(Files.isRegularFile(file), "missing " + file);
            }
        }
    }

    @Test
    void everyPlayedPromptHasItsTextInThePromptTable() throws Exception {
        Set<String> names = Files.readAllLines(DIALPLAN.resolve("prompts/prompts.tsv")).stream().skip(1)
                .map(line -> line.split("\t")[0]).collect(Collectors.toSet());
        for (String prompt : Prompts.ALL) {
            String name = prompt.substring("hotline/".length());
            assertTrue(names.contains(name), name + " is not in dialplan/prompts/prompts.tsv");
        }
    }

    @Test
    void everyPromptInTheTableHasASoundFileInEachLanguage() throws Exception {
        // the console accepts a menu option when its prompt is in the table, so the table must not promise more
        List<String> names = Files.readAllLines(DIALPLAN.resolve("prompts/prompts.tsv")).stream().skip(1)
                .map(line -> line.split("\t")[0]).filter(name -> !name.isBlank()).toList();
        assertTrue(names.contains("press-0") && names.contains("option-crisis-intervention"), names.toString());
        for (String name : names) {
            for (String language : List.of("zh", "en")) {
                Path file = DIALPLAN.resolve("sounds").resolve(language).resolve("hotline").resolve(name + ".wav");
                assertTrue(Files.isRegularFile(file), "missing " + file);
            }
        }
    }

    @Test
    void theDialplanUsesTheScriptAndVariableNamesTheCodeUses() throws Exception {
        String dialplan = Files.readString(DIALPLAN.resolve("extensions_hotline.conf"));
        assertTrue(dialplan.contains("AGI(${HOTLINE_AGI}/inbound)"));
        assertTrue(dialplan.contains("${HOTLINE_RESULT}\" = \"done\""));
        assertTrue(dialplan.contains("[hotline-fallback]"));
    }

    @Test
    void everyMusicClassTheDialsUseIsDefinedWithAPlayedPromptAndItsRingback() throws Exception {
        String classes = Files.readString(DIALPLAN.resolve("musiconhold_hotline.conf"));
        Map<String, String> announcements = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\[([a-z-]+)]\\s*\\n(?:[^\\[]*?)announcement=(\\S+)").matcher(classes);
        while (m.find()) {
            announcements.put(m.group(1), m.group(2));
        }
        for (String musicClass : List.of(DialplanNames.MOH_CONNECTING, DialplanNames.MOH_CRISIS_CONNECTING,
                DialplanNames.MOH_TRYING_NEXT)) {
            String announcement = announcements.get(musicClass);
            assertTrue(announcement != null && Prompts.ALL.contains(announcement), musicClass + ": " + announcements);
        }
        assertTrue(classes.contains("directory=moh/hotline-ringback"));
        Path ringback = DIALPLAN.resolve("moh/hotline-ringback/ringback.ulaw");
        assertTrue(Files.size(ringback) >= 8000 * 30, "at least 30 s of ringback, so the announcement comes once a ring");
        // the image and the real-PBX suite's Asterisk load the same classes
        assertTrue(Files.readString(Path.of("docker", "asterisk", "musiconhold.conf"))
                .contains("#include musiconhold_hotline.conf"));
        String image = Files.readString(Path.of("docker", "asterisk", "Dockerfile"));
        assertTrue(image.contains("dialplan/musiconhold_hotline.conf") && image.contains("dialplan/moh/hotline-ringback/"));
        assertTrue(Files.readString(Path.of("src/test/resources/asterisk22/config/musiconhold.conf"))
                .contains("#include musiconhold_hotline.conf"));
    }

    @Test
    void theImageRunsTheDistributionBuiltWithTheFilesTheJarCarries() throws Exception {
        String dockerfile = Files.readString(Path.of("docker", "Dockerfile"));
        int build = dockerfile.indexOf("./mvnw -B -q -DskipTests package");
        assertTrue(build > 0, "the image builds the artifact");
        // without them in the build context the jar would lack its pages and prompt table
        for (String copy : List.of("COPY templates/ templates/", "COPY dialplan/ dialplan/")) {
            int at = dockerfile.indexOf(copy);
            assertTrue(at > 0 && at < build, copy + " before the build");
        }
        assertTrue(dockerfile.contains("tar -xzf target/care-hotline-dist.tar.gz"), "the distribution, unpacked");
        assertTrue(dockerfile.contains("ENTRYPOINT [\"/opt/care-hotline/bin/care-hotline\"]"), "its start script");
        // the working directory's ./data is the default data.dir, the volume compose mounts
        assertTrue(dockerfile.contains("WORKDIR /app") && dockerfile.contains("VOLUME /app/data"));
        assertTrue(Files.readString(Path.of("docker", "compose.yaml")).contains("- app-data:/app/data"));
    }

    @Test
    void theComposeFileSetsOnlyRealConfigurationKeys() throws Exception {
        Set<String> known = org.carehotline.config.ConfigKeys.load().all().stream()
                .map(org.carehotline.config.ConfigKeys.Key::envName).collect(Collectors.toSet());
        List<String> used = java.util.regex.Pattern.compile("(HOTLINE_[A-Z_]+):")
                .matcher(Files.readString(Path.of("docker", "compose.yaml"))).results().map(m -> m.group(1)).toList();
        assertTrue(used.size() >= 8, used.toString());
        for (String name : used) {
            assertTrue(known.contains(name), name + " in docker/compose.yaml is not a configuration key");
        }
    }
}
