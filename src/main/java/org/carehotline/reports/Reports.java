package org.carehotline.reports;

import java.time.Clock;
import java.util.List;
import org.carehotline.store.MongoStore;

/** Computes reports: the figures of each part for one period. Blocking: call from a virtual thread. */
public final class Reports {

    private final ReportSettings settings;
    private final ServiceFigures service;
    private final CounselorFigures counselors;
    private final CareFigures care;
    private final CrisisFigures crises;
    private final FollowUpFigures followUps;
    private final CoverageFigures coverage;

    public Reports(MongoStore store, ReportSettings settings, Clock clock) {
        this.settings = settings;
        this.service = new ServiceFigures(store, settings);
        this.counselors = new CounselorFigures(store);
        this.care = new CareFigures(store);
        this.crises = new CrisisFigures(store);
        this.followUps = new FollowUpFigures(store, clock);
        this.coverage = new CoverageFigures(store);
    }

    /** The service figures only: the main report, and what the benchmark times. */
    public List<ServiceRow> service(ReportPeriod period) {
        return service.byBucket(period);
    }

    public Report report(ReportPeriod period) {
        List<ServiceRow> rows = service.byBucket(period);
        return new Report(period, settings, rows, ServiceFigures.total(rows), counselors.rows(period),
                care.casesOpened(period), care.casesClosed(period), care.callsByCategory(period),
                care.casesByCategory(period), care.casesByCaller(period), crises.rows(period),
                followUps.figures(period), coverage.coverage());
    }
}
