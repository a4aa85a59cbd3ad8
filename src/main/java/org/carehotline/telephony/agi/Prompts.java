package org.carehotline.telephony.agi;

import java.util.List;

/**
 * Sound files the scripts play, relative to Asterisk's sounds folder for the channel's language
 * (sounds/zh/hotline/welcome.wav). Their texts and the generator are in dialplan/prompts/.
 */
public final class Prompts {

    public static final String WELCOME = "hotline/welcome";
    public static final String MENU = "hotline/menu";
    public static final String INVALID_KEY = "hotline/invalid-key";
    public static final String CONNECTING = "hotline/connecting";
    public static final String CRISIS_CONNECTING = "hotline/crisis-connecting";
    public static final String TRYING_NEXT = "hotline/trying-next";
    public static final String ALL_BUSY = "hotline/all-busy";
    public static final String OFFER_CALLBACK = "hotline/offer-callback";
    public static final String CALLBACK_CONFIRMED = "hotline/callback-confirmed";
    public static final String CALLBACK_UNAVAILABLE = "hotline/callback-unavailable";
    public static final String GOODBYE = "hotline/goodbye";

    /** Every prompt the code plays: a test checks each has a sound file in every language. */
    public static final List<String> ALL = List.of(WELCOME, MENU, INVALID_KEY, CONNECTING, CRISIS_CONNECTING,
            TRYING_NEXT, ALL_BUSY, OFFER_CALLBACK, CALLBACK_CONFIRMED, CALLBACK_UNAVAILABLE, GOODBYE);

    private Prompts() {
    }
}
