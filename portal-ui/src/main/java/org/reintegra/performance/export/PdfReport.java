package org.reintegra.performance.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.reintegra.performance.Breakdown;
import org.reintegra.performance.BreakdownRow;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.Measure;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.ReasonCount;

/**
 * A report as a printable PDF (A4 landscape): scope, headline figures, reasons and every
 * breakdown as a table. DejaVu Sans is embedded, so Georgian, Cyrillic and Latin all print.
 */
final class PdfReport {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    private PdfReport() {
    }

    static void write(PerformanceReport report, PerformanceText text, OutputStream out) throws IOException {
        BaseFont regular = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, REGULAR, null);
        BaseFont boldFace = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, BOLD, null);
        Font body = new Font(regular, 8);
        Font small = new Font(regular, 6.5f);
        Font heading = new Font(boldFace, 11);
        Font title = new Font(boldFace, 15);
        Font smallBold = new Font(boldFace, 6.5f);
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text.title(report.side()));
            document.open();
            document.add(new Paragraph(text.title(report.side()), title));
            document.add(new Paragraph(text.scope(report), body));
            document.add(new Paragraph(text.t("performance.small-cells-note"), small));

            section(document, text.t("performance.headline"), heading);
            PdfPTable headline = new PdfPTable(2);
            headline.setWidthPercentage(50);
            headline.setHorizontalAlignment(Element.ALIGN_LEFT);
            for (Measure measure : Measure.values()) {
                headline.addCell(new Phrase(text.measure(measure), body));
                headline.addCell(number(text.format(measure, report.headline().get(measure)), body));
            }
            document.add(headline);

            reasons(document, text, Dimension.DECLINE_REASON, report.declineReasons(), heading, body);
            reasons(document, text, Dimension.ENDED_EARLY_REASON, report.endedEarlyReasons(), heading, body);

            for (Breakdown breakdown : report.breakdowns()) {
                section(document, text.t("performance.by", text.dimension(breakdown.dimension())), heading);
                PdfPTable table = new PdfPTable(Measure.values().length + 1);
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                table.addCell(new Phrase(text.dimension(breakdown.dimension()), smallBold));
                for (Measure measure : Measure.values()) {
                    table.addCell(new Phrase(text.measure(measure), smallBold));
                }
                for (BreakdownRow row : breakdown.rows()) {
                    table.addCell(new Phrase(text.group(breakdown.dimension(), row), small));
                    for (Measure measure : Measure.values()) {
                        table.addCell(number(text.format(measure, row.cells().get(measure)), small));
                    }
                }
                if (breakdown.rows().isEmpty()) {
                    PdfPCell none = new PdfPCell(new Phrase(text.t("performance.no-referrals"), small));
                    none.setColspan(Measure.values().length + 1);
                    table.addCell(none);
                }
                document.add(table);
            }
        } catch (DocumentException unwritable) {
            throw new IOException("PDF not written", unwritable);
        } finally {
            document.close();
        }
    }

    private static void reasons(Document document, PerformanceText text, Dimension dimension, List<ReasonCount> reasons,
                                Font heading, Font body) throws DocumentException {
        section(document, text.dimension(dimension), heading);
        if (reasons.isEmpty()) {
            document.add(new Paragraph(text.t("performance.no-referrals"), body));
            return;
        }
        PdfPTable table = new PdfPTable(2);
        table.setWidthPercentage(50);
        table.setHorizontalAlignment(Element.ALIGN_LEFT);
        for (ReasonCount reason : reasons) {
            table.addCell(new Phrase(text.group(dimension, reason.code(), null), body));
            table.addCell(number(text.format(Measure.DECLINED, reason.count()), body));
        }
        document.add(table);
    }

    private static void section(Document document, String title, Font heading) throws DocumentException {
        Paragraph paragraph = new Paragraph(title, heading);
        paragraph.setSpacingBefore(10);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private static PdfPCell number(String value, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(value, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfReport.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the WAR: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
