package org.reintegra.quality;

import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

/** A checklist as stored: "CHECK=RESULT;..." in the enums' names (unchecked items left out). */
final class Checklist {

    private Checklist() {
    }

    static String encode(Map<QualityCheck, CheckResult> results) {
        StringJoiner joined = new StringJoiner(";");
        for (QualityCheck check : QualityCheck.values()) {
            CheckResult result = results.get(check);
            if (result != null) {
                joined.add(check.name() + "=" + result.name());
            }
        }
        return joined.toString();
    }

    static Map<QualityCheck, CheckResult> decode(String stored) {
        Map<QualityCheck, CheckResult> results = new EnumMap<>(QualityCheck.class);
        if (stored == null || stored.isBlank()) {
            return results;
        }
        for (String pair : stored.split(";")) {
            String[] parts = pair.split("=", 2);
            results.put(QualityCheck.valueOf(parts[0]), CheckResult.valueOf(parts[1]));
        }
        return results;
    }
}
