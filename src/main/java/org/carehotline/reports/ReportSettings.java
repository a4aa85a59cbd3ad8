package org.carehotline.reports;

import org.carehotline.config.HotlineConfig.ReportConfig;

/**
 * How service figures are defined.
 *
 * @param shortAbandonSeconds a call abandoned after waiting less than this is a short abandon
 * @param serviceLevelSeconds the service-level target: answered within this many seconds of waiting
 */
public record ReportSettings(int shortAbandonSeconds, int serviceLevelSeconds) {

    public static ReportSettings of(ReportConfig config) {
        return new ReportSettings(config.shortAbandonSeconds(), config.serviceLevelSeconds());
    }
}
