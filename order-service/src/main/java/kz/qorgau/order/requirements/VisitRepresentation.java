package kz.qorgau.order.requirements;

import java.time.Instant;
import java.util.UUID;

/** A recorded reporting visit. */
record VisitRepresentation(UUID id, UUID requirementsId, String recordedBy, Instant visitedAt, Instant recordedAt) {}
