package org.reintegra.performance.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.reintegra.performance.Breakdown;
import org.reintegra.performance.BreakdownRow;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.Measure;
import org.reintegra.performance.MeasuredReferral;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.ReasonCount;

/**
 * A report as a workbook: a summary sheet (scope and headline figures), the reasons, one sheet per
 * breakdown, and the referrals one per row without names (streamed, so a national report does not
 * sit in memory). Numbers are numeric cells; a hidden small cell is the text "<5".
 */
final class XlsxReport {

    /** Supplies the report's referrals in batches; an empty batch ends them. */
    @FunctionalInterface
    interface ReferralBatches {
        List<MeasuredReferral> after(long referralId);
    }

    private final PerformanceReport report;
    private final PerformanceText text;
    private SXSSFWorkbook workbook;
    private CellStyle bold;
    private CellStyle percent;
    private CellStyle decimal;

    XlsxReport(PerformanceReport report, PerformanceText text) {
        this.report = report;
        this.text = text;
    }

    void write(ReferralBatches batches, LongConsumer referralsWritten, OutputStream out) throws IOException {
        workbook = new SXSSFWorkbook(200);
        try {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold = workbook.createCellStyle();
            bold.setFont(boldFont);
            percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
            summary();
            reasons();
            for (Breakdown breakdown : report.breakdowns()) {
                breakdown(breakdown);
            }
            referrals(batches, referralsWritten);
            workbook.write(out);
        } finally {
            workbook.close();
        }
    }

    private void summary() {
        Sheet sheet = workbook.createSheet(safe(text.t("performance.export.summary")));
        header(sheet.createRow(0), text.title(report.side()));
        sheet.createRow(1).createCell(0).setCellValue(text.scope(report));
        header(sheet.createRow(3), text.t("performance.export.figure"), text.t("performance.export.value"));
        int r = 4;
        for (Measure measure : Measure.values()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text.measure(measure));
            figure(row, 1, measure, report.headline().get(measure));
        }
        ((SXSSFSheet) sheet).trackAllColumnsForAutoSizing();
        sheet.autoSizeColumn(0);
    }

    private void reasons() {
        Sheet sheet = workbook.createSheet(safe(text.t("performance.export.reasons")));
        int r = 0;
        r = reasonTable(sheet, r, Dimension.DECLINE_REASON, report.declineReasons());
        reasonTable(sheet, r + 1, Dimension.ENDED_EARLY_REASON, report.endedEarlyReasons());
    }

    private int reasonTable(Sheet sheet, int r, Dimension dimension, List<ReasonCount> reasons) {
        header(sheet.createRow(r++), text.dimension(dimension), text.t("performance.export.referrals"));
        for (ReasonCount reason : reasons) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text.group(dimension, reason.code(), null));
            figure(row, 1, Measure.DECLINED, reason.count());
        }
        return r;
    }

    private void breakdown(Breakdown breakdown) {
        Sheet sheet = workbook.createSheet(safe(text.dimension(breakdown.dimension())));
        Row head = sheet.createRow(0);
        header(head, text.dimension(breakdown.dimension()));
        int c = 1;
        for (Measure measure : Measure.values()) {
            Cell cell = head.createCell(c++);
            cell.setCellValue(text.measure(measure));
            cell.setCellStyle(bold);
        }
        int r = 1;
        for (BreakdownRow group : breakdown.rows()) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(text.group(breakdown.dimension(), group));
            c = 1;
            for (Measure measure : Measure.values()) {
                figure(row, c++, measure, group.cells().get(measure));
            }
        }
    }

    private void referrals(ReferralBatches batches, LongConsumer referralsWritten) {
        Sheet sheet = workbook.createSheet(safe(text.t("performance.export.referrals")));
        header(sheet.createRow(0), text.t("referral.reference"), text.t("referral.counterpart"),
                text.t("referral.programme"), text.t("referral.service"), text.t("performance.export.office"),
                text.dimension(Dimension.SEX), text.dimension(Dimension.AGE_BAND), text.t("referral.status"),
                text.t("performance.export.sent"), text.t("performance.export.accepted"),
                text.t("performance.export.declined"), text.dimension(Dimension.DECLINE_REASON),
                text.t("performance.export.first-session"), text.t("performance.export.attended"),
                text.t("performance.export.late"), text.t("performance.export.missed"),
                text.t("performance.export.concluded"), text.dimension(Dimension.ENDED_EARLY_REASON),
                text.t("performance.export.outcomes-rated"), text.t("performance.export.outcomes-achieved"),
                text.measure(Measure.ENROLMENTS_CONFIRMED), text.measure(Measure.ENROLMENTS_COMPLETED),
                text.measure(Measure.CARDS_ISSUED));
        int r = 1;
        long after = 0;
        long written = 0;
        for (List<MeasuredReferral> batch = batches.after(after); !batch.isEmpty(); batch = batches.after(after)) {
            for (MeasuredReferral referral : batch) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(referral.reference());
                row.createCell(c++).setCellValue(referral.organisationName());
                row.createCell(c++).setCellValue(text.group(Dimension.PROGRAMME_AREA, referral.programmeArea(), null));
                row.createCell(c++).setCellValue(text.group(Dimension.SERVICE, referral.service(), null));
                row.createCell(c++).setCellValue(referral.office() == null ? "" : referral.office());
                row.createCell(c++).setCellValue(text.group(Dimension.SEX, referral.sex(), null));
                row.createCell(c++).setCellValue(text.group(Dimension.AGE_BAND, referral.ageBand(), null));
                row.createCell(c++).setCellValue(text.t("status." + referral.status()));
                row.createCell(c++).setCellValue(day(referral.sentAt()));
                row.createCell(c++).setCellValue(day(referral.acceptedAt()));
                row.createCell(c++).setCellValue(day(referral.declinedAt()));
                row.createCell(c++).setCellValue(referral.declineReason() == null ? ""
                        : text.group(Dimension.DECLINE_REASON, referral.declineReason(), null));
                row.createCell(c++).setCellValue(referral.firstSessionOn() == null ? "" : referral.firstSessionOn().toString());
                row.createCell(c++).setCellValue(referral.sessionsAttended());
                row.createCell(c++).setCellValue(referral.sessionsLate());
                row.createCell(c++).setCellValue(referral.sessionsMissed());
                row.createCell(c++).setCellValue(referral.conclusion() == null ? "" : text.t("conclusion." + referral.conclusion()));
                row.createCell(c++).setCellValue(referral.endedEarlyReason() == null ? ""
                        : text.group(Dimension.ENDED_EARLY_REASON, referral.endedEarlyReason(), null));
                row.createCell(c++).setCellValue(referral.outcomesRated());
                row.createCell(c++).setCellValue(referral.outcomesAchieved());
                row.createCell(c++).setCellValue(text.t(referral.enrolmentConfirmed() ? "performance.yes" : "performance.no"));
                row.createCell(c++).setCellValue(text.t(referral.enrolmentCompleted() ? "performance.yes" : "performance.no"));
                row.createCell(c).setCellValue(referral.cardsIssued());
                after = referral.referralId();
            }
            written += batch.size();
            referralsWritten.accept(written);
        }
    }

    private static String day(java.time.Instant instant) {
        return instant == null ? "" : instant.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private void figure(Row row, int column, Measure measure, org.reintegra.performance.Cell figure) {
        Cell cell = row.createCell(column);
        if (figure.suppressed()) {
            cell.setCellValue(PerformanceText.HIDDEN);
        } else if (figure.value() == null) {
            cell.setCellValue(PerformanceText.NOTHING);
        } else {
            cell.setCellValue(figure.value());
            if (measure.kind() == Measure.Kind.RATE) {
                cell.setCellStyle(percent);
            } else if (measure.kind() == Measure.Kind.MEDIAN) {
                cell.setCellStyle(decimal);
            }
        }
    }

    private void header(Row row, String... titles) {
        for (int i = 0; i < titles.length; i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(titles[i]);
            cell.setCellStyle(bold);
        }
    }

    /** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
    private static String safe(String name) {
        String cleaned = name.replaceAll("[:\\\\/?*\\[\\]]", " ");
        return cleaned.length() > 31 ? cleaned.substring(0, 31) : cleaned;
    }
}
