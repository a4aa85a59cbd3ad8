/**
 * Crisis alerts: stored in MongoDB when raised, on every supervisor's screen (and the ringing
 * counselor's) until a supervisor acknowledges them, raised again while nobody does.
 */
package org.carehotline.alerts;
