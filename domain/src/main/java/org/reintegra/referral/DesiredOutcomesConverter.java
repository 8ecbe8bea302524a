package org.reintegra.referral;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Stores a referral's desired outcomes as their codes, comma-separated, in catalogue order. */
@Converter
public class DesiredOutcomesConverter implements AttributeConverter<Set<DesiredOutcome>, String> {

    @Override
    public String convertToDatabaseColumn(Set<DesiredOutcome> outcomes) {
        if (outcomes == null || outcomes.isEmpty()) {
            return "";
        }
        return EnumSet.copyOf(outcomes).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    @Override
    public Set<DesiredOutcome> convertToEntityAttribute(String codes) {
        Set<DesiredOutcome> outcomes = EnumSet.noneOf(DesiredOutcome.class);
        if (codes != null && !codes.isBlank()) {
            Arrays.stream(codes.split(",")).map(String::strip).map(DesiredOutcome::valueOf).forEach(outcomes::add);
        }
        return outcomes;
    }
}
