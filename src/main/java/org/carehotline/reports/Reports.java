package org.carehotline.reports;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.carehotline.store.CollectionNames;
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
    private final OnwardFigures onward;
    private final ContactsPass contactsPass;
    private final PresenceFigures presence;
    private final SurveyFigures surveys;

    public Reports(MongoStore store, ReportSettings settings, Clock clock) {
        this.settings = settings;
        this.service = new ServiceFigures(store, settings);
        this.counselors = new CounselorFigures(store, clock);
        this.care = new CareFigures(store);
        this.crises = new CrisisFigures(store);
        this.followUps = new FollowUpFigures(store, clock);
        this.coverage = new CoverageFigures(store);
        this.onward = new OnwardFigures(store);
        this.contactsPass = new ContactsPass(ReportCollections.of(store, CollectionNames.CONTACTS));
        this.presence = new PresenceFigures(store, clock);
        this.surveys = new SurveyFigures(store);
    }

    /** The service figures only (with wrap-ups from the presence log): the main report, and what the benchmark times. */
    public List<ServiceRow> service(ReportPeriod period) {
        return PresenceFigures.withWrapUps(service.byBucket(period), presence.compute(period).wrapUpGroups(), period);
    }

    /** Every part; the contact-based ones in one pass over the contacts (see ContactsPass). */
    public Report report(ReportPeriod period) {
        Map<String, List<Document>> facets = new LinkedHashMap<>();
        facets.put("service", service.stages(period));
        facets.put("offers", CounselorFigures.offerStages());
        facets.put("answered", CounselorFigures.answerStages());
        facets.put("categories", List.of(CareFigures.categoryStage()));
        facets.put("crises", CrisisFigures.stages());
        facets.putAll(IvrFigures.facets());
        Map<String, List<Document>> found = contactsPass.run(period, facets);
        PresenceFigures.Result presenceFigures = presence.compute(period);
        List<ServiceRow> rows = PresenceFigures.withWrapUps(ServiceFigures.rows(found.get("service"), period),
                presenceFigures.wrapUpGroups(), period);
        return new Report(period, settings, rows, ServiceFigures.total(rows),
                counselors.rows(found.get("offers"), found.get("answered"), presenceFigures.byCounselor()),
                care.casesOpened(period), care.casesClosed(period), CareFigures.tallies(found.get("categories")),
                care.casesByCategory(period), care.casesByCaller(period), crises.rows(found.get("crises")),
                followUps.figures(period), coverage.coverage(), onward.byKindAndStatus(period), surveys.figures(period),
                IvrFigures.from(found));
    }
}
