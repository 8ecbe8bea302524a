package org.reintegra.performance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.reintegra.performance.Breakdown;
import org.reintegra.performance.BreakdownRow;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.Measure;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.ReasonCount;

/**
 * A report as one long table (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read the
 * scripts right): breakdown, group, figure, value; one line per figure. Values are plain numbers
 * (rates as fractions, medians in days); a hidden small cell is "<5".
 */
final class CsvReport {

    private CsvReport() {
    }

    static void write(PerformanceReport report, PerformanceText text, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        csv.printRecord(text.t("performance.export.breakdown"), text.t("performance.export.group"),
                text.t("performance.export.figure"), text.t("performance.export.value"));
        String all = text.t("performance.export.all");
        String scope = text.scope(report);
        for (Measure measure : Measure.values()) {
            csv.printRecord(all, scope, text.measure(measure), PerformanceText.plain(report.headline().get(measure)));
        }
        reasons(csv, text, Dimension.DECLINE_REASON, report.declineReasons(), text.measure(Measure.DECLINED));
        reasons(csv, text, Dimension.ENDED_EARLY_REASON, report.endedEarlyReasons(), text.measure(Measure.ENDED_EARLY));
        for (Breakdown breakdown : report.breakdowns()) {
            for (BreakdownRow row : breakdown.rows()) {
                for (Measure measure : Measure.values()) {
                    csv.printRecord(text.dimension(breakdown.dimension()), text.group(breakdown.dimension(), row),
                            text.measure(measure), PerformanceText.plain(row.cells().get(measure)));
                }
            }
        }
        csv.flush();
    }

    private static void reasons(CSVPrinter csv, PerformanceText text, Dimension dimension,
                                java.util.List<ReasonCount> reasons, String figure) throws IOException {
        for (ReasonCount reason : reasons) {
            csv.printRecord(text.dimension(dimension), text.group(dimension, reason.code(), null), figure,
                    PerformanceText.plain(reason.count()));
        }
    }
}
