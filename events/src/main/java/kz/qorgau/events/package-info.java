/**
 * The Qorgau event contract: the event records every service publishes or consumes.
 *
 * <p>The records live in this one package because {@link kz.qorgau.events.QorgauEvent} is sealed and the
 * services load this jar from the class path (the unnamed module), where Java only allows permitted
 * subclasses in the same package as the sealed type. Sub-packages hold the machinery:
 *
 * <ul>
 *   <li>{@code catalog} – topics and the event type registry (type string, record, schema, topic);
 *   <li>{@code envelope} – the CloudEvents 1.0 envelope and its Kafka binary-mode codec;
 *   <li>{@code sealed} – AES-GCM sealed fields, the only place personal data may travel;
 *   <li>{@code json} – the shared tolerant-reader JSON mapper.
 * </ul>
 *
 * <p>This module must not depend on Spring (checked by an ArchUnit test).
 */
package kz.qorgau.events;
