package kz.qorgau.notification.notice;

/** A plain-text e-mail: what the recipient reads. */
public record EmailContent(String subject, String body) {}
