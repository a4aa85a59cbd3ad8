package org.carehotline.console;

import java.util.ArrayList;
import java.util.List;
import org.carehotline.alerts.CrisisAlert;
import org.carehotline.alerts.CrisisAlerts;
import org.carehotline.cases.CaseFile;

/** A case's crisis alerts on its timeline: when each was raised, and who acknowledged it when. Blocking. */
final class AlertPanel implements CasePanel {

    private final CrisisAlerts alerts;

    AlertPanel(CrisisAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void addTo(Reply.View view, CaseFile file) {
        // nothing of its own on the page: the banner is in the layout
    }

    @Override
    public List<Item> timeline(CaseFile file) {
        List<Item> items = new ArrayList<>();
        for (CrisisAlert a : alerts.forCase(file.base().id())) {
            String what = a.level().isEmpty() ? a.reason() : a.level();
            items.add(new Item(a.raisedAt(), "crisis", "crisis", "crisisTimeline.raised", what, ""));
            a.acknowledgedAt().ifPresent(at -> items.add(new Item(at, "crisis", "crisis",
                    "crisisTimeline.acknowledged", what, a.acknowledgedBy().orElse(""))));
        }
        return items;
    }
}
