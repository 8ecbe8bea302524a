package org.reintegra.performance.export;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.reintegra.performance.BreakdownRow;
import org.reintegra.performance.Cell;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.Measure;
import org.reintegra.performance.PerformanceFilter;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.PerformanceSide;

/**
 * The words and numbers of a performance report in one language: labels of figures, breakdowns
 * and groups, and figures formatted for the locale (a hidden cell reads "<5", nothing to compute
 * "–"). Used by the screen and by every export, so they say the same.
 */
public final class PerformanceText {

    /** Looks up a translation in the reader's language. */
    @FunctionalInterface
    public interface Translations {
        String get(String key, Object... params);
    }

    public static final String HIDDEN = "<5";
    public static final String NOTHING = "–";

    private final Translations translations;
    private final Locale locale;

    public PerformanceText(Translations translations, Locale locale) {
        this.translations = translations;
        this.locale = locale;
    }

    public String t(String key, Object... params) {
        return translations.get(key, params);
    }

    public Locale locale() {
        return locale;
    }

    public String measure(Measure measure) {
        return t("performance.measure." + measure.name());
    }

    public String dimension(Dimension dimension) {
        return t("performance.dimension." + dimension.name());
    }

    public String title(PerformanceSide side) {
        return t(side == PerformanceSide.AGENCY ? "performance.title-agency" : "performance.title-partner");
    }

    /** What a group of a breakdown is called. */
    public String group(Dimension dimension, BreakdownRow row) {
        return group(dimension, row.key(), row.organisationName());
    }

    public String group(Dimension dimension, String key, String organisationName) {
        if (key == null || key.isEmpty()) {
            return NOTHING;
        }
        return switch (dimension) {
            case SEX -> t("sex." + key);
            case AGE_BAND -> t("performance.age-band." + key);
            case PARTNER, AGENCY -> organisationName == null ? key : organisationName;
            case PROGRAMME_AREA -> t("programme." + key);
            case SERVICE -> t("service." + key);
            case DECLINE_REASON -> t("decline-reason." + key);
            case ENDED_EARLY_REASON -> t("ended-early-reason." + key);
        };
    }

    /** A figure as people read it, in the locale. */
    public String format(Measure measure, Cell cell) {
        if (cell.suppressed()) {
            return HIDDEN;
        }
        if (cell.value() == null) {
            return NOTHING;
        }
        return switch (measure.kind()) {
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(cell.value().longValue());
            case RATE -> percent(cell.value());
            case MEDIAN -> t("performance.days", decimal(cell.value()));
        };
    }

    /** A figure for machines (CSV): plain digits with a dot, rates as fractions. */
    public static String plain(Cell cell) {
        if (cell.suppressed()) {
            return HIDDEN;
        }
        if (cell.value() == null) {
            return "";
        }
        double value = cell.value();
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.4f", value);
    }

    public String percent(double fraction) {
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
        return percent.format(fraction);
    }

    public String decimal(double value) {
        NumberFormat number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(1);
        return number.format(value);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** One line saying which referrals the report covers. */
    public String scope(PerformanceReport report) {
        PerformanceFilter filter = report.filter();
        StringBuilder scope = new StringBuilder(t("performance.scope", report.organisationName(),
                date(filter.from()), date(filter.to())));
        if (filter.counterpart() != null) {
            String name = report.breakdown(Dimension.counterpartOf(report.side())).rows().stream()
                    .filter(row -> row.key().equals(filter.counterpart())).map(BreakdownRow::organisationName)
                    .findFirst().orElse(filter.counterpart());
            scope.append(" · ").append(name);
        }
        if (filter.programmeArea() != null) {
            scope.append(" · ").append(t("programme." + filter.programmeArea().name()));
        }
        if (filter.service() != null) {
            scope.append(" · ").append(t("service." + filter.service().name()));
        }
        if (filter.office() != null) {
            scope.append(" · ").append(filter.office());
        }
        return scope.toString();
    }
}
