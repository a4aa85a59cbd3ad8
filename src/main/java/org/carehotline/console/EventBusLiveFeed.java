package org.carehotline.console;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import org.carehotline.live.LiveFeed;

/**
 * The live feed on the Vert.x event bus. Publishing only queues the message for the event loop,
 * so it never blocks the call-handling threads that call it. {@link LiveStream} turns the
 * messages into Server-Sent Events for each signed-in browser.
 */
public final class EventBusLiveFeed implements LiveFeed {

    /** Board changes: waiting calls or counselor states. */
    static final String BOARD = "hotline.live.board";
    /** Crisis alerts as raised, before they are stored ({@link AlertRoutes} stores them and publishes {@link #CRISIS}). */
    static final String CRISIS_RAISED = "hotline.live.crisis.raised";
    /** Stored crisis alerts, raised or raised again, for supervisors; each has its alert id. */
    static final String CRISIS = "hotline.live.crisis";
    /** A crisis alert was acknowledged: every screen drops its banner. */
    static final String ACKNOWLEDGED = "hotline.live.crisis.acknowledged";
    private static final String COUNSELOR_PREFIX = "hotline.live.counselor.";

    private final EventBus bus;
    private final LiveCalls calls = new LiveCalls();

    public EventBusLiveFeed(EventBus bus) {
        this.bus = bus;
    }

    /** What this feed has told about calls, for the card's permission and state. */
    LiveCalls calls() {
        return calls;
    }

    /** The address of one counselor's own events (their calls). */
    static String counselorAddress(String counselorId) {
        return COUNSELOR_PREFIX + counselorId;
    }

    @Override
    public void boardChanged() {
        bus.publish(BOARD, "changed");
    }

    @Override
    public void callOffered(String counselorId, String contactId) {
        calls.offered(counselorId, contactId);
        bus.publish(counselorAddress(counselorId), new JsonObject().put("type", "offered").put("contactId", contactId));
    }

    @Override
    public void callAnswered(String counselorId, String contactId) {
        calls.answered(contactId);
        bus.publish(counselorAddress(counselorId), new JsonObject().put("type", "answered").put("contactId", contactId));
    }

    @Override
    public void callEnded(String contactId, java.util.Collection<String> counselorIds) {
        java.util.Set<String> told = new java.util.LinkedHashSet<>(counselorIds);
        told.addAll(calls.offeredTo(contactId));
        calls.ended(contactId);
        JsonObject ended = new JsonObject().put("type", "ended").put("contactId", contactId);
        told.forEach(id -> bus.publish(counselorAddress(id), ended));
    }

    @Override
    public void crisisAlert(String contactId, String reason) {
        bus.publish(CRISIS_RAISED, new JsonObject().put("contactId", contactId).put("reason", reason));
    }

    /** A counselor rated a case's risk high or imminent: every supervisor is alerted. */
    public void riskRaised(String caseId, String caseNumber, String level) {
        bus.publish(CRISIS_RAISED, new JsonObject().put("caseId", caseId).put("caseNumber", caseNumber)
                .put("level", level).put("reason", "risk " + level));
    }

    /** A party was contacted for a worker at high or imminent risk (the case's emergency record): every supervisor is alerted. */
    public void emergencyContact(String caseId, String caseNumber) {
        bus.publish(CRISIS_RAISED, new JsonObject().put("caseId", caseId).put("caseNumber", caseNumber)
                .put("level", "EMERGENCY").put("reason", "emergency contact"));
    }
}
