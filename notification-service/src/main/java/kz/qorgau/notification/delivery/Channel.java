package kz.qorgau.notification.delivery;

import kz.qorgau.events.NotificationChannel;

/** One way of reaching a recipient. Implementations are called from many sender threads at once. */
interface Channel {

    NotificationChannel kind();

    /** Returns once the peer took the notice (SMTP 250 after DATA, a gateway's 2xx). */
    void send(ClaimedNotice notice) throws DeliveryFailure;
}
