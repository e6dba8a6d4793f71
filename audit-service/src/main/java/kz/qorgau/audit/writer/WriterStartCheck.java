package kz.qorgau.audit.writer;

import java.util.Optional;

/**
 * What must hold before a new writer appends (docs/adr/0032): it runs once the lock is taken, before the
 * listener starts. A refusal keeps the lock (no other instance appends to this database either) and appends
 * nothing until the service is restarted: gauge {@code audit.writer.refused}.
 */
public interface WriterStartCheck {

    /**
     * Runs with the writer session ({@code writer.inWriterTransaction}), before {@link
     * WriterLeadership#isWriter()} is true.
     *
     * @return empty when appending may start; else why not, in words for the log and the runbook
     */
    Optional<String> beforeAppending(WriterLeadership writer);
}
