package org.carehotline.telephony.ami;

import java.time.Instant;

/**
 * The AMI link as /health shows it.
 *
 * @param state      CONNECTING, CONNECTED or RETRYING
 * @param connects   successful logins so far
 * @param lastError  why the last attempt failed, empty if none
 */
public record AmiStatus(String state, String address, Instant since, int connects, String lastError) {
}
