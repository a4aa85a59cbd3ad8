package org.carehotline.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Apache ECharts as the webjar {@code org.webjars.npm:echarts} puts it on the classpath. The
 * version is read from the webjar itself, so a version bump in pom.xml needs no code change.
 */
final class ChartLibrary {

    private static final String POM_PROPERTIES = "/META-INF/maven/org.webjars.npm/echarts/pom.properties";

    private ChartLibrary() {
    }

    /** The classpath folder holding echarts.min.js, for a StaticHandler. */
    static String distFolder() {
        return "META-INF/resources/webjars/echarts/" + version() + "/dist";
    }

    static String version() {
        try (InputStream in = ChartLibrary.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the ECharts webjar is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
