package org.carehotline.reports;

import java.util.List;
import java.util.Map;

/** Every figure of one period, computed together for a page or an export. */
public record Report(ReportPeriod period, ReportSettings settings, List<ServiceRow> service, ServiceRow total,
                     List<CounselorRow> counselors, long casesOpened, long casesClosed, List<Tally> callsByCategory,
                     List<Tally> casesByCategory, Map<String, List<Tally>> casesByCaller, List<CrisisRow> crises,
                     FollowUpRow followUps, CoverageFigures.Coverage coverage, List<OnwardRow> onwardReferrals,
                     SurveyFigures.Result surveys, IvrFigures.Result ivr) {
}
