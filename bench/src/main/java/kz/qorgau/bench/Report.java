package kz.qorgau.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The run's figures: a table for people, JSON for comparing runs. */
final class Report {

    private Report() {}

    static String table(List<Measurement> measurements) {
        int nameWidth = Math.max(
                4,
                measurements.stream()
                        .mapToInt(m -> (m.part() + "  " + m.name()).length())
                        .max()
                        .orElse(4));
        StringBuilder out = new StringBuilder();
        String format = "%-" + nameWidth + "s  %14s  %-10s  %-12s  %s%n";
        out.append(String.format(Locale.ROOT, format, "part  figure", "value", "unit", "goal", "note"));
        out.append("-".repeat(nameWidth + 60)).append('\n');
        for (Measurement m : measurements) {
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    m.part() + "  " + m.name(),
                    String.format(Locale.ROOT, m.value() >= 100 ? "%,.0f" : "%,.2f", m.value()),
                    m.unit(),
                    m.goal(),
                    m.note()));
        }
        return out.toString();
    }

    static Path saveJson(Path folder, Instant started, Machine machine, List<Measurement> measurements)
            throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("started", started.toString());
        document.put("machine", machine.asMap());
        document.put("measurements", measurements);
        Path file = folder.resolve("bench-" + started.toString().replace(':', '-') + ".json");
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(file.toFile(), document);
        return file;
    }
}
