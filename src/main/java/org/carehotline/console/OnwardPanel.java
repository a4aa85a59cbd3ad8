package org.carehotline.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carehotline.cases.CaseFile;
import org.carehotline.onward.OnwardAction;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardReferral;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;

/**
 * The case page's onward referrals ({@code case-referrals.ftlh}): each referral with its status
 * history and the actions its status allows, the form for a new one, and one timeline entry per
 * status change. Blocking.
 */
final class OnwardPanel implements CasePanel {

    static final List<String> KINDS = Arrays.stream(OnwardKind.values()).map(Enum::name).toList();
    static final List<String> STARTING = OnwardStatus.STARTING.stream().map(Enum::name).toList();

    private final OnwardReferralRepository referrals;
    private final Formats formats;

    OnwardPanel(OnwardReferralRepository referrals, Formats formats) {
        this.referrals = referrals;
        this.formats = formats;
    }

    @Override
    public void addTo(Reply.View view, CaseFile file) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OnwardReferral r : referrals.forCase(file.base().id())) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("kind", r.kind().name());
            row.put("otherKind", r.otherKind());
            row.put("organisation", r.organisation());
            row.put("status", r.status().name());
            row.put("actions", OnwardAction.allowedFrom(r.status()).stream().map(OnwardAction::key).toList());
            row.put("history", r.history().stream().map(h -> Map.of("status", h.status().name(),
                    "at", formats.time(h.at()), "by", h.byName(), "note", h.note())).toList());
            rows.add(row);
        }
        view.with("onwardReferrals", rows);
        view.with("onwardKinds", KINDS);
        view.with("onwardStarting", STARTING);
    }

    @Override
    public List<Item> timeline(CaseFile file) {
        List<Item> items = new ArrayList<>();
        for (OnwardReferral r : referrals.forCase(file.base().id())) {
            String about = (r.otherKind().isEmpty() ? "" : r.otherKind() + " · ") + r.organisation();
            for (OnwardReferral.Change h : r.history()) {
                items.add(new Item(h.at(), "onward", "onward_" + r.kind().name(), "onwardStatus." + h.status().name(),
                        h.note().isEmpty() ? about : about + " — " + h.note(), h.byName()));
            }
        }
        return items;
    }
}
