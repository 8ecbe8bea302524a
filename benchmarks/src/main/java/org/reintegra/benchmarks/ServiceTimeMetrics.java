package org.reintegra.benchmarks;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the portal's service times ({@code reintegra_service_time}, tag {@code operation}) from its
 * Prometheus text: per operation the quantiles (in seconds, keyed "0.5", "0.95", ...) and the count.
 */
final class ServiceTimeMetrics {

    private static final Pattern LINE = Pattern.compile("^(reintegra_service_time\\w*)\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TAG = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private ServiceTimeMetrics() {
    }

    static Map<String, Map<String, Double>> parse(String prometheusText) {
        Map<String, Map<String, Double>> byOperation = new TreeMap<>();
        Matcher line = LINE.matcher(prometheusText);
        while (line.find()) {
            Map<String, String> tags = new TreeMap<>();
            Matcher tag = TAG.matcher(line.group(2));
            while (tag.find()) {
                tags.put(tag.group(1), tag.group(2));
            }
            String operation = tags.get("operation");
            if (operation == null) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(line.group(3));
            } catch (NumberFormatException notANumber) {
                continue;
            }
            String name = line.group(1);
            String key = tags.containsKey("quantile") ? tags.get("quantile")
                    : name.endsWith("_count") ? "count" : name.endsWith("_sum") ? "sum" : name.endsWith("_mean") ? "mean" : null;
            if (key != null) {
                byOperation.computeIfAbsent(operation, o -> new TreeMap<>()).put(key, value);
            }
        }
        byOperation.values().forEach(ServiceTimeMetrics::inSeconds);
        return byOperation;
    }

    /**
     * Payara Micro 6.2025.10 writes a timer's sum in seconds but its mean and quantiles in
     * nanoseconds, under the same {@code _seconds} name. The mean against sum / count tells which.
     */
    private static void inSeconds(Map<String, Double> figures) {
        double count = figures.getOrDefault("count", 0.0);
        double mean = figures.getOrDefault("mean", 0.0);
        double sum = figures.getOrDefault("sum", 0.0);
        if (count > 0 && sum > 0 && mean / (sum / count) > 1e6) {
            figures.replaceAll((key, value) -> key.startsWith("0.") || key.equals("mean") ? value / 1e9 : value);
        }
    }
}
