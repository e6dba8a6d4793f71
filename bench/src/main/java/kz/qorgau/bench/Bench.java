package kz.qorgau.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the benchmarks: {@code ./qorgau-bench [--only PART[,PART]] [--quick] [--keep] [--out DIR] [--list]}
 * (docs/performance.md). Reports the machine, checks free disk first, prints a table and saves JSON.
 */
public final class Bench {

    /** Free space the broker's log and the kept databases need for a full run. */
    static final long MIN_FREE_BYTES = 5L * 1024 * 1024 * 1024;

    static final List<BenchPart> PARTS = List.of(
            new JdbcInsertLimit(),
            new KafkaProducerLimit(),
            new RelayThroughput(),
            new OrderWrites(),
            new EndToEndLatency(),
            new PersonCheckAtScale(),
            new RecoveryDrain(),
            new Footprint(),
            new AuditAppend(),
            new AuditProofs(),
            new AuditVerify());

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, names());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.list()) {
            PARTS.forEach(part -> System.out.printf("%-16s %s%n", part.name(), part.description()));
            return;
        }
        Machine machine = Machine.current();
        System.out.println("Machine: " + machine);
        Path work = Files.createTempDirectory("qorgau-bench");
        requireFreeDisk(work);
        requireFreeDisk(options.out().toAbsolutePath().getParent());

        Instant started = Instant.now();
        List<Measurement> measurements = new ArrayList<>();
        try (BenchContext context =
                new BenchContext(work, options.quick() ? Duration.ofSeconds(2) : Duration.ofSeconds(10))) {
            for (BenchPart part : PARTS) {
                if (!options.only().isEmpty() && !options.only().contains(part.name())) {
                    continue;
                }
                System.out.println("Running " + part.name() + ": " + part.description());
                List<Measurement> figures = part.run(context);
                // Each part's figures as soon as it ends: a later part that fails loses none of them.
                System.out.print(Report.table(figures));
                measurements.addAll(figures);
            }
        }
        System.out.println();
        System.out.print(Report.table(measurements));
        Path json = Report.saveJson(options.out(), started, machine, measurements);
        System.out.println("Saved " + json + " (took "
                + Duration.between(started, Instant.now()).toSeconds() + " s)");
        // The broker's log and the services' logs of a run that went well; a failed run keeps them.
        if (options.keep()) {
            System.out.println("Kept the run's work folder (broker, logs) in " + work);
        } else {
            deleteRecursively(work);
        }
    }

    static void deleteRecursively(Path folder) throws java.io.IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(folder);
    }

    static List<String> names() {
        return PARTS.stream().map(BenchPart::name).toList();
    }

    static void requireFreeDisk(Path folder) throws java.io.IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        long free = Files.getFileStore(existing).getUsableSpace();
        if (free < MIN_FREE_BYTES) {
            throw new IllegalStateException("Only %.1f GiB free in %s; the bench needs %d GiB"
                    .formatted(free / (1024.0 * 1024 * 1024), existing, MIN_FREE_BYTES / (1024 * 1024 * 1024)));
        }
    }

    /** The command line. */
    record Options(List<String> only, boolean quick, Path out, boolean list, boolean keep) {

        static final String USAGE =
                "usage: ./qorgau-bench [--only PART[,PART]] [--quick] [--keep] [--out DIR] [--list]";

        static Options parse(String[] args, List<String> known) {
            List<String> only = new ArrayList<>();
            boolean quick = false;
            boolean list = false;
            boolean keep = false;
            Path out = Path.of("bench", "results");
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--only" -> {
                        String value = value(args, ++i, arg);
                        for (String name : value.split(",")) {
                            if (!known.contains(name)) {
                                throw new IllegalArgumentException("No part " + name + "; parts: " + known);
                            }
                            only.add(name);
                        }
                    }
                    case "--quick" -> quick = true;
                    case "--list" -> list = true;
                    case "--keep" -> keep = true;
                    case "--out" -> out = Path.of(value(args, ++i, arg));
                    default -> throw new IllegalArgumentException("Unknown argument " + arg);
                }
            }
            return new Options(List.copyOf(only), quick, out, list, keep);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }
    }
}
