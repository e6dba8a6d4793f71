package kz.qorgau.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one of the stack's processes holds: its resident set (Linux's /proc) and, for a JVM, the heap in
 * use right after a full collection ({@code jcmd GC.run}, then {@code GC.heap_info}).
 */
record ProcessFootprint(String name, long pid, long rssBytes, long heapAfterGcBytes) {

    private static final List<String> MODULES =
            List.of("identity-server", "order-service", "notification-service", "audit-service", "local-stack");
    private static final Pattern RSS = Pattern.compile("^VmRSS:\\s+(\\d+) kB", Pattern.MULTILINE);
    /** Serial's "def new generation" and "tenured generation", G1's "garbage-first heap": "total NK, used MK". */
    private static final Pattern HEAP_USED = Pattern.compile("(?:generation|heap)\\s+total \\d+K, used (\\d+)K");

    /** The process's footprint, or empty once it has gone. */
    static Optional<ProcessFootprint> of(ProcessHandle process) {
        String commandLine = commandLine(process.pid());
        if (commandLine.isEmpty()) {
            return Optional.empty();
        }
        long rss = rss(process.pid());
        long heap = commandLine.contains("java") ? heapAfterGc(process.pid()) : -1;
        return Optional.of(new ProcessFootprint(name(commandLine), process.pid(), rss, heap));
    }

    /** The module a command line runs, "kafka-broker" for the broker, else its first word. */
    static String name(String commandLine) {
        for (String module : MODULES) {
            if (commandLine.contains("/" + module + "-") || commandLine.contains("/" + module + "/")) {
                return module;
            }
        }
        if (commandLine.contains("kafka.Kafka") || commandLine.contains("BrokerChildMain")) {
            return "kafka-broker";
        }
        return commandLine.split(" ", 2)[0];
    }

    static long heapUsed(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        long kilobytes = 0;
        boolean found = false;
        while (matcher.find()) {
            kilobytes += Long.parseLong(matcher.group(1));
            found = true;
        }
        return found ? kilobytes * 1024 : -1;
    }

    static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException gone) {
            return "";
        }
    }

    private static long rss(long pid) {
        try {
            Matcher matcher = RSS.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
            return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : -1;
        } catch (IOException gone) {
            return -1;
        }
    }

    private static long heapAfterGc(long pid) {
        jcmd(pid, "GC.run");
        return heapUsed(jcmd(pid, "GC.heap_info"));
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
