/**
 * Onward referrals (对外转介): help the counselor arranges FOR a worker from another service:
 * legal aid, union assistance, medical care, employment, family support or another named kind.
 * Each referral has its organisation or contact, a note, and a status moved only by the named
 * actions of {@link org.carehotline.onward.OnwardAction}, with who and when for every change.
 *
 * <p>Not to be confused with {@code org.carehotline.referrals}, which is the other direction:
 * union staff referring a worker TO the hotline so that a counselor calls them.
 */
package org.carehotline.onward;
