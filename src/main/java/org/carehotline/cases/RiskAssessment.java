package org.carehotline.cases;

import java.time.Instant;

/**
 * One structured risk assessment: the answers, the level, who assessed and when. Each new
 * assessment is appended to the case's risk history; the latest is the case's risk.
 *
 * @param thoughts   thoughts of suicide or of harming someone
 * @param protective protective factors in the counselor's words (family, work, faith, ...)
 */
public record RiskAssessment(boolean thoughts, boolean plan, boolean means, RiskLevel.Timeframe timeframe,
                             String protective, RiskLevel level, String assessedBy, String assessedByName,
                             Instant at) {
}
