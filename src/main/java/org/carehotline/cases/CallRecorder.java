package org.carehotline.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carehotline.followups.FollowUpRepository;

/**
 * Records calls as contacts on cases: the named operations the telephony side reports a call
 * through. Each is safe to repeat and to receive out of order (AGI script and AMI events
 * both report). Blocking: call from virtual threads.
 */
public final class CallRecorder {

    /** Who answered when the on-call number (outside the roster) took the call. */
    public static final String ON_CALL = "oncall";
    /** Who answered when a phone of the dialplan's fallback ring group took the call and we do not know whose. */
    public static final String FALLBACK_GROUP = "fallback-group";
    /** Offer outcome when the caller hung up before the counselor's phone rang: not a miss. */
    public static final String OFFER_NOT_RUNG = "NOT_RUNG";

    private final CallerRepository callers;
    private final CaseRepository cases;
    private final ContactRepository contacts;
    private final FollowUpRepository followUps;
    private final Clock clock;
    private final org.carehotline.live.LiveFeed live;
    /** Asterisk uniqueid to contact id of the calls this server started lately. */
    private final RecentCalls recentCalls = new RecentCalls(20_000);

    public CallRecorder(CallerRepository callers, CaseRepository cases, ContactRepository contacts,
                        FollowUpRepository followUps, Clock clock) {
        this(callers, cases, contacts, followUps, clock, org.carehotline.live.LiveFeed.NONE);
    }

    /** @param live told when a call's end is recorded, so the consoles of its counselors follow */
    public CallRecorder(CallerRepository callers, CaseRepository cases, ContactRepository contacts,
                        FollowUpRepository followUps, Clock clock, org.carehotline.live.LiveFeed live) {
        this.live = live;
        this.callers = callers;
        this.cases = cases;
        this.contacts = contacts;
        this.followUps = followUps;
        this.clock = clock;
    }

    /**
     * A call arrived: finds or creates the caller by normalized number, lands the call on their
     * open case (or opens one) and starts its contact. An anonymous or malformed number gets a
     * case of its own, with the raw number kept on the contact.
     */
    public InboundCall startInbound(IncomingCall call) {
        Optional<String> phone = PhoneNumbers.normalize(call.callerNumber());
        Optional<Caller> caller = phone.map(p -> callers.recordCall(p, call.arrivedAt()));
        boolean returning = caller.map(c -> c.firstCallAt().isBefore(call.arrivedAt())).orElse(false);
        CareCase careCase = caller.flatMap(c -> cases.findOpenForCaller(c.id()))
                .orElseGet(() -> cases.open(caller.map(Caller::id).orElse(null), phone.orElse(null), call.arrivedAt()));
        String contactId = contacts.insertInboundCall(careCase.id(), caller.map(Caller::id).orElse(null), call,
                phone.orElse(null));
        recentCalls.put(call.uniqueId(), contactId);
        cases.recordContact(careCase.id(), call.arrivedAt());
        if (phone.isEmpty()) {
            contacts.log(contactId, call.arrivedAt(), "caller number '" + call.callerNumber()
                    + "' is anonymous or malformed: new case, no call-back possible");
        }
        return new InboundCall(caller, careCase, contactId, returning);
    }

    /** The caller chose from the menu and now waits for a counselor. */
    public void recordMenuChoice(InboundCall call, String key, Category category) {
        Instant now = clock.instant();
        contacts.setMenuChoice(call.contactId(), key, category, now);
        cases.addCategory(call.careCase().id(), category);
        contacts.log(call.contactId(), now, "menu key " + key + ": " + category);
    }

    public void recordOffered(String contactId, String counselorId, String why) {
        recordOffered(contactId, counselorId, why, clock.instant());
    }

    /**
     * The call was offered to the counselor at {@code at}, recorded off the caller's path: the
     * phone's ringing may have been recorded from AMI first, so the offer is added only if none
     * to this counselor is open.
     */
    public void recordOffered(String contactId, String counselorId, String why, Instant at) {
        contacts.addOfferUnlessOpen(contactId, counselorId, at);
        contacts.log(contactId, at, "offered to " + counselorId + ": " + why);
    }

    /**
     * The offered counselor's phone began ringing (AMI DialBegin): marks the open offer. No offer
     * is ever invented from AMI: a phone of the fallback ring group was not offered the call by
     * routing, and may belong to someone signed out.
     */
    public void recordRinging(String contactId, String counselorId, Instant at) {
        contacts.markOfferRinging(contactId, counselorId, at);
    }

    /** Sets the outcome of an offer still open (seen on AMI); nothing if the script already did. */
    public void recordOfferOutcome(String contactId, String counselorId, String dialStatus) {
        contacts.setOfferOutcome(contactId, counselorId, dialStatus);
    }

    /** The offered counselor did not take the call (dial status NOANSWER, BUSY, CHANUNAVAIL, …). */
    /**
     * The caller hung up while the offered counselor's phone rang: the offer ends as
     * {@code CANCEL}, which is not the counselor's miss.
     */
    public void recordCallerLeftWhileRinging(String contactId, String counselorId) {
        contacts.setOfferOutcome(contactId, counselorId, "CANCEL");
        contacts.log(contactId, clock.instant(), "caller hung up while " + counselorId + "'s phone rang");
    }

    /**
     * The caller was gone before the offered counselor's phone rang (Dial saw a hung-up caller):
     * the offer ends as {@link #OFFER_NOT_RUNG}, nobody's miss, and no phone is said to have rung.
     */
    public void recordCallerLeftBeforeRinging(String contactId, String counselorId) {
        contacts.setOfferOutcome(contactId, counselorId, OFFER_NOT_RUNG);
        contacts.log(contactId, clock.instant(), "caller hung up before " + counselorId + "'s phone rang");
    }

    public void recordOfferMissed(String contactId, String counselorId, String dialStatus) {
        contacts.setOfferOutcome(contactId, counselorId, dialStatus);
        contacts.log(contactId, clock.instant(), counselorId + " did not answer: " + dialStatus);
    }

    /** A counselor answered. The first report wins; the case becomes active and the caller remembers the counselor. */
    public void recordAnswered(String contactId, String counselorId, Instant answeredAt) {
        if (!contacts.setAnsweredIfUnset(contactId, counselorId, answeredAt)) {
            return;
        }
        contacts.setOfferOutcome(contactId, counselorId, "ANSWER");
        if (counselorId.equals(ON_CALL) || counselorId.equals(FALLBACK_GROUP)) {
            return; // not a counselor of the roster: no case owner, no continuity
        }
        contacts.findById(contactId).ifPresent(contact -> {
            cases.recordCounselorAnswered(contact.caseId(), counselorId, answeredAt);
            cases.findById(contact.caseId()).flatMap(CareCase::callerId)
                    .ifPresent(callerId -> callers.recordCounselor(callerId, counselorId));
        });
    }

    /**
     * The call ended. The first report wins; wait and talk seconds are computed from the
     * recorded times and written with the end in one update, and a call nobody answered is
     * marked abandoned unless it already has a disposition (call-back requested, fallback).
     */
    public void recordEnded(String contactId, Instant endedAt) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Contact> read = contacts.findById(contactId);
            if (read.isEmpty() || read.get().endedAt().isPresent()) {
                return;
            }
            Contact contact = read.get();
            Instant waitFrom = contact.queuedAt().orElse(contact.startedAt());
            Instant waitUntil = contact.answeredAt().orElse(endedAt);
            Long talk = contact.answeredAt().map(a -> seconds(a, endedAt)).orElse(null);
            if (contacts.endIfUnchanged(contact, endedAt, seconds(waitFrom, waitUntil), talk)) {
                java.util.Set<String> counselors = new java.util.LinkedHashSet<>();
                contact.offers().forEach(o -> counselors.add(o.counselorId()));
                contact.answeredBy().ifPresent(counselors::add);
                live.callEnded(contactId, counselors);
                return;
            }
            // an answer or a disposition arrived from the other side meanwhile: read again
        }
    }

    /** The caller asked to be called back: a follow-up due now, for the pool, on their case. */
    public String recordCallbackRequested(InboundCall call) {
        Instant now = clock.instant();
        String phone = call.caller().map(Caller::phone)
                .orElseThrow(() -> new IllegalStateException("an anonymous caller cannot be called back"));
        // what the call was about travels with the call-back: a crisis caller is called back first
        Optional<Category> category = contacts.findById(call.contactId()).flatMap(Contact::category);
        boolean highRisk = call.caller().map(Caller::highRisk).orElse(false)
                || category.filter(Category.CRISIS_INTERVENTION::equals).isPresent();
        String followUpId = followUps.requestCallback(call.careCase().id(), phone, call.contactId(), now, category,
                highRisk);
        contacts.setDispositionIfUnset(call.contactId(), Disposition.CALLBACK_REQUESTED);
        contacts.log(call.contactId(), now, "call-back requested: follow-up " + followUpId);
        return followUpId;
    }

    /** The caller chose a dialect: kept on the contact's log and in their profile, so they are not asked again. */
    public void recordDialect(InboundCall call, String dialect) {
        call.caller().ifPresent(c -> callers.setDialect(c.id(), dialect));
        contacts.log(call.contactId(), clock.instant(), "dialect: " + dialect);
    }

    /** The on-call counselor (outside the roster, through the trunk) answered. */
    public void recordOnCallAnswered(String contactId, Instant answeredAt) {
        recordAnswered(contactId, ON_CALL, answeredAt);
    }

    /** Appends a line to the contact's log: what the server did and why. */
    public void log(String contactId, String entry) {
        contacts.log(contactId, clock.instant(), entry);
    }

    /** A line on the contact's log, about something that happened at {@code at}. */
    public void log(String contactId, Instant at, String entry) {
        contacts.log(contactId, at, entry);
    }

    /**
     * What the call went through before a human; a caller gone before any phone was dialed is
     * abandoned in the IVR, with the step they were at on the contact's log (not a counselor's miss).
     */
    public void recordIvr(String contactId, IvrJourneyRecord ivr) {
        contacts.setIvr(contactId, ivr);
        if (ivr.abandoned()) {
            contacts.log(contactId, clock.instant(), "caller hung up in the IVR at step " + ivr.step()
                    + " (path " + ivr.path() + "), before any phone rang");
        }
    }

    /** The call was handed to the dialplan's fallback ring group. */
    public void recordFallback(String contactId, String reason) {
        contacts.setDispositionIfUnset(contactId, Disposition.FALLBACK);
        contacts.log(contactId, clock.instant(), "sent to fallback: " + reason);
    }

    /**
     * A call of the fallback group, from Asterisk's own record: becomes (or updates) the contact
     * of that uniqueid, the inbound script's when it had made one, else a new one on the caller's
     * case, with disposition FALLBACK, Asterisk's answer and end times and who answered. Never
     * an offer. Safe to repeat: a second import finds the same contact and changes nothing.
     *
     * @param answeredBy the roster counselor whose phone answered, if any (else the group)
     * @return the contact id
     */
    public String recordFallbackCall(FallbackCall call, Optional<String> answeredBy) {
        String contactId = !call.contactId().isEmpty() && contacts.findById(call.contactId()).isPresent()
                ? call.contactId()
                : contactIdForChannel(call.uniqueId()).orElseGet(() -> startInbound(new IncomingCall(call.uniqueId(),
                        call.channel(), call.callerNumber(), call.startedAt())).contactId());
        recentCalls.put(call.uniqueId(), contactId);
        if (contacts.setDispositionIfUnset(contactId, Disposition.FALLBACK)) {
            contacts.log(contactId, call.startedAt(), "fallback group (AGISTATUS "
                    + (call.agiStatus().isEmpty() ? "?" : call.agiStatus()) + "), recorded by Asterisk");
        }
        call.answeredAt().ifPresent(at -> recordAnswered(contactId, answeredBy.orElse(FALLBACK_GROUP), at));
        call.endedAt().ifPresent(at -> recordEnded(contactId, at));
        return contactId;
    }

    /** The contact of the call whose caller channel has this Asterisk uniqueid. */
    public Optional<String> contactIdForChannel(String uniqueId) {
        // A null or empty id would match every contact stored without one (follow-up legs)
        if (uniqueId == null || uniqueId.isBlank()) {
            return Optional.empty();
        }
        // Most AMI events are about calls this server started: answer from memory; a lookup on
        // the embedded server scans every contact (it keeps no secondary indexes).
        String known = recentCalls.get(uniqueId);
        return known != null ? Optional.of(known) : contacts.findIdByUniqueId(uniqueId);
    }

    /** Calls started in [from, before) that have no end yet. */
    public List<Contact> unfinishedCalls(Instant from, Instant before) {
        return contacts.unfinishedBetween(from, before);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
