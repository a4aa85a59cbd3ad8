package org.carehotline.console;

import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.function.Supplier;
import org.carehotline.store.MongoStore;
import org.carehotline.telephony.agi.FastAgiService;
import org.carehotline.telephony.ami.AmiStatus;

/**
 * {@code GET /health}: the store, the FastAGI server and the AMI link. UP when all are well;
 * DEGRADED (still 200) when only the AMI link is down, since calls still reach the AGI server;
 * DOWN (503) when the store or the AGI server is down. The store is down when it does not
 * answer or cannot read its data (see {@link MongoStore#problem()}), with the reason given.
 */
final class HealthCheck {

    private final MongoStore store;
    private final FastAgiService agi;
    private final Supplier<AmiStatus> ami;

    HealthCheck(MongoStore store, FastAgiService agi, Supplier<AmiStatus> ami) {
        this.store = store;
        this.agi = agi;
        this.ami = ami;
    }

    /** Blocking: asks the database for a ping and a document of each collection. */
    JsonObject check() {
        Optional<String> storeProblem = store.problem();
        boolean storeUp = storeProblem.isEmpty();
        FastAgiService.Status agiStatus = agi.status();
        AmiStatus amiStatus = ami.get();
        boolean amiUp = "CONNECTED".equals(amiStatus.state());
        String overall = !storeUp || !agiStatus.listening() ? "DOWN" : amiUp ? "UP" : "DEGRADED";
        return new JsonObject()
                .put("status", overall)
                .put("store", new JsonObject().put("up", storeUp).put("description", store.description())
                        .put("error", storeProblem.orElse(null)))
                .put("agi", new JsonObject().put("listening", agiStatus.listening()).put("address", agiStatus.address())
                        .put("sessionsStarted", agiStatus.sessionsStarted())
                        .put("sessionsActive", agiStatus.sessionsActive()))
                .put("ami", new JsonObject().put("state", amiStatus.state()).put("address", amiStatus.address())
                        .put("since", amiStatus.since().toString()).put("connects", amiStatus.connects())
                        .put("lastError", amiStatus.lastError()));
    }
}
