package org.carehotline.telephony.agi;

/** Keys with one meaning everywhere in the inbound prompts. */
final class Keys {

    /** "I need help now": valid at any point of any prompt or menu, straight to the crisis path. */
    static final char HELP_NOW = '0';

    private Keys() {
    }

    /** The escape digits of a prompt: its own keys, and 0. */
    static String withHelpNow(String keys) {
        return keys.indexOf(HELP_NOW) >= 0 ? keys : HELP_NOW + keys;
    }
}
