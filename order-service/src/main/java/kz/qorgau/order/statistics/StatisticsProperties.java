package kz.qorgau.order.statistics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qorgau.statistics.*}: the reference data and the rules of the published figures.
 *
 * @param regions the region of a district, by the district code's prefix (the part before the first
 *     {@code -}, e.g. {@code ALM} of {@code ALM-BOSTANDYK}); any other district counts under {@link #OTHER}
 * @param smallCount a count (or the cases behind a median) below this shows as {@code "<n"}, never the number
 * @param gaugeRefresh how often each instance recomputes its Prometheus gauges
 */
@ConfigurationProperties("qorgau.statistics")
public record StatisticsProperties(Map<String, String> regions, Integer smallCount, Duration gaugeRefresh) {

    /** The region of districts the map does not know. */
    public static final String OTHER = "other";

    public StatisticsProperties {
        if (regions == null || regions.isEmpty()) {
            regions = new LinkedHashMap<>();
            regions.put("ALM", "Almaty city");
            regions.put("AST", "Astana city");
            regions.put("SHY", "Shymkent city");
        }
        regions = Map.copyOf(regions);
        regions.forEach((prefix, region) -> {
            if (!prefix.matches("[A-Z0-9]{1,16}") || region == null || region.isBlank() || region.length() > 64) {
                throw new IllegalArgumentException("qorgau.statistics.regions: " + prefix + " -> " + region);
            }
        });
        smallCount = smallCount == null ? 5 : smallCount;
        if (smallCount < 1) {
            throw new IllegalArgumentException("qorgau.statistics.small-count must be at least 1");
        }
        gaugeRefresh = gaugeRefresh == null ? Duration.ofMinutes(5) : gaugeRefresh;
    }

    /** The region of a district by its code's prefix, {@link #OTHER} for one the map does not know. */
    String regionOf(String district) {
        if (district == null) {
            return OTHER;
        }
        int dash = district.indexOf('-');
        return regions.getOrDefault(dash < 0 ? district : district.substring(0, dash), OTHER);
    }

    /** Every region a figure may name, {@link #OTHER} last: a bounded label set. */
    List<String> regionNames() {
        return Stream.concat(regions.values().stream().distinct().sorted(), Stream.of(OTHER))
                .distinct()
                .toList();
    }
}
