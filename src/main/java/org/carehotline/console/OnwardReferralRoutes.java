package org.carehotline.console;

import io.vertx.ext.web.Router;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.bson.types.ObjectId;
import org.carehotline.cases.CaseFile;
import org.carehotline.console.auth.Access;
import org.carehotline.console.auth.User;
import org.carehotline.onward.NewOnwardReferral;
import org.carehotline.onward.OnwardAction;
import org.carehotline.onward.OnwardKind;
import org.carehotline.onward.OnwardReferralRepository;
import org.carehotline.onward.OnwardStatus;

/**
 * Onward referrals on a case (对外转介: help arranged for the worker elsewhere; not the inbound
 * referrals of union staff): {@code POST /cases/{id}/onward} records one,
 * {@code POST /cases/{id}/onward/move} applies a named action to one ({@link OnwardAction}).
 * A wrong field or an action the status does not allow brings the page back with the message
 * next to the field and nothing saved. Every change is audited.
 */
final class OnwardReferralRoutes {

    private static final List<String> ACTIONS = Arrays.stream(OnwardAction.values()).map(OnwardAction::key).toList();

    private final CaseActions actions;
    private final OnwardReferralRepository referrals;
    private final Audit audit;
    private final Clock clock;

    OnwardReferralRoutes(CaseActions actions, OnwardReferralRepository referrals, Audit audit, Clock clock) {
        this.actions = actions;
        this.referrals = referrals;
        this.audit = audit;
        this.clock = clock;
    }

    void mount(Router router, Access access) {
        actions.post(router, access, "onward", this::refer);
        actions.post(router, access, "onward/move", this::move);
    }

    private Reply refer(Request request, CaseFile file) {
        Form form = new Form(request);
        String kind = form.oneOf("kind", OnwardPanel.KINDS, true);
        String otherKind = form.optional("otherKind", 50);
        if (OnwardKind.OTHER.name().equals(kind) && otherKind.isEmpty()) {
            form.error("otherKind", "error.onward.otherKind");
        }
        String organisation = form.required("organisation", 200);
        String note = form.optional("note", FieldLimits.SHORT_TEXT);
        String status = form.oneOf("status", OnwardPanel.STARTING, true);
        if (!form.ok()) {
            return actions.again(request, file, "onward", form);
        }
        User user = request.signedIn();
        referrals.refer(new NewOnwardReferral(file.base().id(), OnwardKind.valueOf(kind), otherKind, organisation,
                note, OnwardStatus.valueOf(status), user.id(), user.displayName(), clock.instant()));
        audit.record(request, "onward.refer", file.base().number(), kind + " " + status);
        return CaseActions.back(file, "onward");
    }

    private Reply move(Request request, CaseFile file) {
        String referralId = request.param("referral");
        if (!ObjectId.isValid(referralId)) {
            throw new Reply.NotFound("onward referral " + referralId);
        }
        // each referral has its own little form on the page: its messages go next to it
        String formName = "onward-" + referralId;
        Form form = new Form(request);
        String key = form.oneOf("action", ACTIONS, true);
        String note = form.optional("note", FieldLimits.SHORT_TEXT);
        if (!form.ok()) {
            return actions.again(request, file, formName, form);
        }
        OnwardAction action = OnwardAction.byKey(key).orElseThrow();
        User user = request.signedIn();
        switch (referrals.apply(file.base().id(), referralId, action, user.id(), user.displayName(), note,
                clock.instant())) {
            case NOT_FOUND -> throw new Reply.NotFound("onward referral " + referralId + " on " + file.base().number());
            case NOT_ALLOWED -> {
                form.error("action", "error.onward.notAllowed");
                return actions.again(request, file, formName, form);
            }
            case MOVED -> audit.record(request, "onward." + key, file.base().number(), referralId + " " + action.to());
        }
        return CaseActions.back(file, "onward");
    }
}
