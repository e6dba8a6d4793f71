package kz.qorgau.bench;

import java.util.List;

/** One part of the run, chosen by name with {@code --only}. */
public interface BenchPart {

    /** The name {@code --only} takes, e.g. {@code limits-jdbc}. */
    String name();

    /** One line: what it measures. */
    String description();

    List<Measurement> run(BenchContext context) throws Exception;
}
