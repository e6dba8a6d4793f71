package kz.qorgau.notification.notice;

import kz.qorgau.events.QorgauEvent;

/**
 * Published inside the transaction that records an event's notices, for what must commit with them (the
 * order's latest known state, docs/adr/0024). Listeners run synchronously, in that transaction.
 */
public record EventRecorded(NoticeCause cause, QorgauEvent data) {}
