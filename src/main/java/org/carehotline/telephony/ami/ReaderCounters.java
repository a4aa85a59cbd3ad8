package org.carehotline.telephony.ami;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the AMI reader did, over all connections of one link: events read (and numbered), skipped as
 * {@link UnusedEvents}, and the times it waited for asterisk-java's event pump (and how long).
 * Written on the reader thread, read by anyone.
 */
final class ReaderCounters {

    final AtomicLong read = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong waits = new AtomicLong();
    final AtomicLong waitedNanos = new AtomicLong();
}
