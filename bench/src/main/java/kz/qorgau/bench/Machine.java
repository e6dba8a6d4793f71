package kz.qorgau.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine a run measured: figures mean little without it. */
public record Machine(int cores, long memoryBytes, String javaVersion, String javaVm, String os, String cpu) {

    public static Machine current() {
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return new Machine(
                Runtime.getRuntime().availableProcessors(),
                memory,
                System.getProperty("java.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                cpuModel());
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("cores", cores);
        map.put("memoryGiB", Math.round(memoryBytes / (1024.0 * 1024 * 1024) * 10) / 10.0);
        map.put("java", javaVersion);
        map.put("vm", javaVm);
        map.put("os", os);
        map.put("cpu", cpu);
        return map;
    }

    @Override
    public String toString() {
        return "%d cores (%s), %.1f GiB, Java %s, %s"
                .formatted(cores, cpu, memoryBytes / (1024.0 * 1024 * 1024), javaVersion, os);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
