package org.carehotline.telephony.agi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.carehotline.config.HotlineConfig.CallConfig;
import org.carehotline.routing.QueueTicket;
import org.carehotline.routing.Reservation;

/**
 * Where a caller waits for a counselor, inside their AGI session: hold music, their place in
 * line and the expected wait at intervals, key 1 for a call-back, key 0 for "help now". The
 * session waits for a key in slices; when the router finds a counselor it wakes the session over
 * AMI (a received DTMF '#'), so the dial starts at once. Slices are long while AMI can wake the
 * session (each costs a round trip, thousands may wait) and short while it cannot.
 */
final class WaitingRoom {

    /** Keys that end a waiting prompt: 1 call-back, 0 help now, and the wake digit of a found counselor. */
    private static final String ESCAPE = "10" + DialplanNames.WAKE_DIGIT;
    /** A wait shorter than this is not worth a round trip (the next check comes at once anyway). */
    private static final long MIN_SLICE_MS = 100;

    /** How a wait ended. */
    sealed interface Result permits Offered, CallbackRequested, Overflow {}

    record Offered(Reservation reservation) implements Result {}

    record CallbackRequested() implements Result {}

    record Overflow() implements Result {}

    /** What the room reports while the caller waits. */
    interface Listener {
        /** The caller starts waiting: nobody could take the call at once. */
        void waiting(int position, String why);

        void escalated();
    }

    private final AgiChannel channel;
    private final Sounds sounds;
    private final QueueTicket ticket;
    private final CallConfig config;
    private final int overflowAfterSeconds;
    private final boolean canCallBack;
    private final Clock clock;
    private final Listener listener;
    private boolean greeted;
    private boolean musicOn;
    private Instant nextAnnouncement;

    WaitingRoom(AgiChannel channel, Sounds sounds, QueueTicket ticket, CallConfig config, int overflowAfterSeconds,
                boolean canCallBack, Clock clock, Listener listener) {
        this.channel = channel;
        this.sounds = sounds;
        this.ticket = ticket;
        this.config = config;
        this.overflowAfterSeconds = overflowAfterSeconds;
        this.canCallBack = canCallBack;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Waits until a counselor is found, the caller asks for a call-back, or the wait overflows:
     * after the configured time, or at once when no signed-in counselor could ever take the call.
     */
    Result waitForCounselor() throws AgiException {
        while (true) {
            Optional<Result> offered = offered();
            if (offered.isPresent()) {
                return offered.get();
            }
            if (ticket.waited().toSeconds() >= overflowAfterSeconds || !ticket.servable()) {
                stopMusic();
                return new Overflow();
            }
            char key = greetOrAnnounce();
            if (key == 0) {
                // a counselor found while the last command ran: its wake-up digit may have been
                // dropped by Asterisk, so look before waiting a whole slice for it
                offered = offered();
                if (offered.isPresent()) {
                    return offered.get();
                }
                key = channel.waitForDigit(nextSliceMs());
            }
            if (key == '1' && canCallBack) {
                stopMusic();
                return new CallbackRequested();
            }
            if (key == '0') {
                ticket.escalate();
                listener.escalated();
            }
        }
    }

    /**
     * How long the next key wait may last: long while a found counselor can wake the session
     * over AMI, short while nothing can; never past the next announcement or the overflow.
     */
    int nextSliceMs() {
        long slice = ticket.canBeWoken() ? config.waitSliceMs() : config.waitSliceWithoutAmiMs();
        Instant now = clock.instant();
        long untilAnnouncement = nextAnnouncement == null ? slice : Duration.between(now, nextAnnouncement).toMillis();
        long untilOverflow = overflowAfterSeconds * 1000L - ticket.waited().toMillis();
        return (int) Math.max(MIN_SLICE_MS, Math.min(slice, Math.min(untilAnnouncement, untilOverflow)));
    }

    /** The offer the router put on the ticket, if any, with the hold music stopped. */
    private Optional<Result> offered() throws AgiException {
        Optional<Reservation> offer = ticket.takeOffer();
        if (offer.isEmpty()) {
            return Optional.empty();
        }
        stopMusic();
        return Optional.of(new Offered(offer.get()));
    }

    /** The first time: what the caller can do while waiting; later, their place in line now and then. */
    private char greetOrAnnounce() throws AgiException {
        if (!greeted) {
            greeted = true;
            listener.waiting(ticket.position(), ticket.whyWaiting());
            nextAnnouncement = clock.instant().plusSeconds(config.announceEverySeconds());
            char key = sounds.play(Prompts.ALL_BUSY, ESCAPE);
            key = key != 0 ? key : sounds.play(Prompts.WHILE_WAITING, ESCAPE);
            if (key != '1' && key != '0') {
                startMusic();
            }
            return key;
        }
        if (clock.instant().isBefore(nextAnnouncement)) {
            return 0;
        }
        nextAnnouncement = clock.instant().plusSeconds(config.announceEverySeconds());
        stopMusic();
        char key = announce();
        if (key != '1' && key != '0') {
            startMusic();
        }
        return key;
    }

    private char announce() throws AgiException {
        char key = sounds.play(Prompts.POSITION_BEFORE, ESCAPE);
        key = key != 0 ? key : channel.sayNumber(String.valueOf(ticket.position()), ESCAPE);
        key = key != 0 ? key : sounds.play(Prompts.POSITION_AFTER, ESCAPE);
        int minutes = Math.max(1, (ticket.expectedWaitSeconds() + 59) / 60);
        key = key != 0 ? key : sounds.play(Prompts.EXPECTED_WAIT_BEFORE, ESCAPE);
        key = key != 0 ? key : channel.sayNumber(String.valueOf(minutes), ESCAPE);
        return key != 0 ? key : sounds.play(Prompts.EXPECTED_WAIT_AFTER, ESCAPE);
    }

    /**
     * The caller pressed 0 while their call-back was being confirmed: they stay, urgent now, with
     * the hold music on again until a counselor is found.
     */
    void helpNowAfterCallback() throws AgiException {
        ticket.escalate();
        listener.escalated();
        startMusic();
    }

    /** Stops the hold music: before a prompt, and before leaving the room. */
    void stopMusic() throws AgiException {
        if (musicOn) {
            musicOn = false;
            channel.exec("StopMusicOnHold");
        }
    }

    private void startMusic() throws AgiException {
        if (!musicOn) {
            musicOn = true;
            channel.exec("StartMusicOnHold");
        }
    }
}
