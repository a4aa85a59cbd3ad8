package org.carehotline.routing;

/**
 * What the router tells a metrics listener about its own speed. Called under the router's lock:
 * an implementation records a number and returns, nothing more.
 */
public interface RoutingTimings {

    /**
     * One matching pass (waiting calls against available counselors).
     *
     * @param nanos  how long the pass took
     * @param offers how many calls got a counselor in it
     */
    void matched(long nanos, int offers);

    /** A waiting call's session took the offer made to it this long after the router made it. */
    void offerTaken(long nanos);

    /** Records nothing. */
    RoutingTimings NONE = new RoutingTimings() {
        @Override
        public void matched(long nanos, int offers) {
        }

        @Override
        public void offerTaken(long nanos) {
        }
    };
}
