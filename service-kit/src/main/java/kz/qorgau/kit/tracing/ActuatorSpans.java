package kz.qorgau.kit.tracing;

import io.micrometer.tracing.exporter.FinishedSpan;

/** Tells the spans of requests to the actuator's endpoints, which are not exported. */
final class ActuatorSpans {

    private ActuatorSpans() {}

    /** False for a server span of {@code /actuator} or below (the observation's {@code uri} tag). */
    static boolean notActuator(FinishedSpan span) {
        String uri = span.getTags().get("uri");
        return uri == null || !(uri.equals("/actuator") || uri.startsWith("/actuator/"));
    }
}
