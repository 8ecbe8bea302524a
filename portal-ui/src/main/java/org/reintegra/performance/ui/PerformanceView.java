package org.reintegra.performance.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reintegra.access.InputRejected;
import org.reintegra.access.Roles;
import org.reintegra.organisation.OrganisationSummary;
import org.reintegra.performance.Breakdown;
import org.reintegra.performance.BreakdownRow;
import org.reintegra.performance.Cell;
import org.reintegra.performance.Dimension;
import org.reintegra.performance.DrillDown;
import org.reintegra.performance.Measure;
import org.reintegra.performance.PerformanceFilter;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.PerformanceService;
import org.reintegra.performance.PerformanceSide;
import org.reintegra.performance.ReasonCount;
import org.reintegra.performance.export.ExportJob;
import org.reintegra.performance.export.PerformanceExports;
import org.reintegra.performance.export.PerformanceText;
import org.reintegra.performance.export.ReportFormat;
import org.reintegra.portal.ui.MainLayout;
import org.reintegra.referral.ProgrammeArea;
import org.reintegra.referral.ServiceType;

/**
 * Performance: for an agency's liaison officer the dashboard across every partner that received
 * the agency's referrals, for a partner's admin the same figures over its own referrals. Filters
 * (period, organisation, programme area, service, office), headline figures, reasons, charts with
 * the same numbers as tables, breakdowns with small cells hidden, the referrals behind any shown
 * count, and exports.
 */
@Route(value = "performance", layout = MainLayout.class)
@RolesAllowed({Roles.AGENCY_LIAISON, Roles.PARTNER_ADMIN})
public class PerformanceView extends VerticalLayout implements HasDynamicTitle {

    private static final long serialVersionUID = 1L;

    private final transient PerformanceService performance;
    private final transient PerformanceExports exports;
    private final PerformanceSide side;
    private final PerformanceText text;

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final ComboBox<OrganisationSummary> counterpart = new ComboBox<>();
    private final ComboBox<ProgrammeArea> programme = new ComboBox<>();
    private final ComboBox<ServiceType> service = new ComboBox<>();
    private final ComboBox<String> office = new ComboBox<>();
    private final Div results = new Div();
    private final ProgressBar progress = new ProgressBar();
    private final Span exportStatus = new Span();
    private final Anchor download = new Anchor();
    private ExportJob job;
    private com.vaadin.flow.shared.Registration polling;
    /** The screen's poll interval before an export (the notification bell polls too); -2 when not following one. */
    private int pollBefore = -2;
    private PerformanceFilter shown;

    @Inject
    public PerformanceView(PerformanceService performance, PerformanceExports exports) {
        this.performance = performance;
        this.exports = exports;
        this.side = performance.side().orElse(null);
        this.text = new PerformanceText(this::getTranslation, getLocale());
        H2 heading = new H2(side == null ? getTranslation("performance.title-partner") : text.title(side));
        heading.setId("performance-heading");
        add(heading);
        if (side == null) {
            Paragraph none = new Paragraph(getTranslation("performance.not-available"));
            none.setId("performance-unavailable");
            add(none);
            return;
        }
        add(filters(), exportBar(), results);
        results.setWidthFull();
        refresh();
    }

    private Component filters() {
        LocalDate today = LocalDate.now();
        PerformanceFilter initial = PerformanceFilter.lastYear(today);
        from.setId("perf-from");
        from.setLabel(getTranslation("performance.from"));
        from.setValue(initial.from());
        from.setLocale(getLocale());
        to.setId("perf-to");
        to.setLabel(getTranslation("performance.to"));
        to.setValue(initial.to());
        to.setLocale(getLocale());
        counterpart.setId("perf-counterpart");
        counterpart.setLabel(getTranslation(side == PerformanceSide.AGENCY ? "performance.partner" : "performance.agency"));
        counterpart.setItems(performance.counterparts());
        counterpart.setItemLabelGenerator(OrganisationSummary::name);
        counterpart.setClearButtonVisible(true);
        programme.setId("perf-programme");
        programme.setLabel(getTranslation("referral.programme"));
        programme.setItems(ProgrammeArea.values());
        programme.setItemLabelGenerator(p -> getTranslation("programme." + p.name()));
        programme.setClearButtonVisible(true);
        service.setId("perf-service");
        service.setLabel(getTranslation("referral.service"));
        service.setItems(ServiceType.values());
        service.setItemLabelGenerator(s -> getTranslation("service." + s.name()));
        service.setClearButtonVisible(true);
        office.setId("perf-office");
        office.setLabel(getTranslation("performance.office"));
        office.setItems(performance.offices());
        office.setClearButtonVisible(true);
        for (var field : List.of(from, to)) {
            field.addValueChangeListener(change -> refresh());
        }
        counterpart.addValueChangeListener(change -> refresh());
        programme.addValueChangeListener(change -> refresh());
        service.addValueChangeListener(change -> refresh());
        office.addValueChangeListener(change -> refresh());
        FlexLayout bar = new FlexLayout(from, to, counterpart, programme, service, office);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-m)");
        return bar;
    }

    private Component exportBar() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        for (ReportFormat format : ReportFormat.values()) {
            Button export = new Button(getTranslation("performance.export", format.name()), click -> startExport(format));
            export.setId("export-" + format.extension());
            export.addThemeVariants(ButtonVariant.LUMO_SMALL);
            bar.add(export);
        }
        progress.setId("export-progress");
        progress.setWidth("10rem");
        progress.setVisible(false);
        exportStatus.setId("export-status");
        download.setId("export-download");
        download.setVisible(false);
        bar.add(progress, exportStatus, download);
        return bar;
    }

    private PerformanceFilter filter() {
        return PerformanceFilter.of(from.getValue(), to.getValue(), counterpart.getValue(), programme.getValue(),
                service.getValue(), office.getValue());
    }

    private void refresh() {
        from.setInvalid(false);
        to.setInvalid(false);
        PerformanceReport report;
        try {
            report = performance.report(filter());
        } catch (InputRejected rejected) {
            DatePicker field = "to".equals(rejected.field()) ? to : from;
            field.setErrorMessage(getTranslation(rejected.messageKey()));
            field.setInvalid(true);
            return;
        }
        shown = report.filter();
        results.removeAll();
        Paragraph scope = new Paragraph(text.scope(report));
        scope.setId("performance-scope");
        results.add(scope);
        if (report.totals().received() == 0) {
            Paragraph none = new Paragraph(getTranslation("performance.no-referrals"));
            none.setId("performance-empty");
            results.add(none);
            return;
        }
        results.add(headline(report), reasons(report), charts(report));
        Paragraph note = new Paragraph(getTranslation("performance.small-cells-note"));
        note.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        results.add(note);
        for (Breakdown breakdown : report.breakdowns()) {
            results.add(breakdownTable(breakdown));
        }
    }

    private Component headline(PerformanceReport report) {
        H3 title = new H3(getTranslation("performance.headline"));
        FlexLayout tiles = new FlexLayout();
        tiles.setId("headline");
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s)");
        for (Measure measure : Measure.values()) {
            Cell cell = report.headline().get(measure);
            Span value = new Span(text.format(measure, cell));
            value.setId("figure-" + measure.name());
            value.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");
            Span label = new Span(text.measure(measure));
            label.getStyle().set("font-size", "var(--lumo-font-size-s)");
            VerticalLayout content = new VerticalLayout(value, label);
            content.setPadding(false);
            content.setSpacing(false);
            Component tile;
            if (measure.drillable() && cell.shown() && cell.value() > 0) {
                Button drill = new Button(content, click -> drill(DrillDown.of(measure), text.measure(measure)));
                drill.setId("drill-" + measure.name());
                drill.addThemeVariants(ButtonVariant.LUMO_CONTRAST, ButtonVariant.LUMO_TERTIARY);
                drill.setHeight("auto");
                drill.setTooltipText(getTranslation("performance.show-referrals"));
                drill.setAriaLabel(getTranslation("performance.show-referrals-of", text.measure(measure),
                        getTranslation("performance.export.all"), text.format(measure, cell)));
                tile = drill;
            } else {
                tile = content;
            }
            Div box = new Div(tile);
            box.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-m)")
                    .set("padding", "var(--lumo-space-s)").set("min-width", "11rem");
            tiles.add(box);
        }
        return new Div(title, tiles);
    }

    private Component reasons(PerformanceReport report) {
        HorizontalLayout both = new HorizontalLayout(
                reasonTable(Dimension.DECLINE_REASON, Measure.DECLINED, report.declineReasons()),
                reasonTable(Dimension.ENDED_EARLY_REASON, Measure.ENDED_EARLY, report.endedEarlyReasons()));
        both.setWidthFull();
        return both;
    }

    private Component reasonTable(Dimension dimension, Measure measure, List<ReasonCount> reasons) {
        Grid<ReasonCount> grid = new Grid<>();
        grid.setId("reasons-" + dimension.name());
        grid.addColumn(reason -> text.group(dimension, reason.code(), null)).setHeader(text.dimension(dimension))
                .setFlexGrow(1);
        grid.addComponentColumn(reason -> {
                    Component cell = countCell(measure, reason.count(), new DrillDown(measure, dimension, reason.code()),
                            text.group(dimension, reason.code(), null));
                    cell.setId("cell-" + dimension.name() + "-" + reason.code());
                    return cell;
                })
                .setHeader(getTranslation("performance.export.referrals")).setAutoWidth(true).setFlexGrow(0);
        grid.setItems(reasons);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        VerticalLayout box = new VerticalLayout(new H3(text.dimension(dimension)), grid);
        box.setPadding(false);
        if (reasons.isEmpty()) {
            grid.setVisible(false);
            box.add(new Paragraph(getTranslation("performance.none")));
        }
        return box;
    }

    private Component charts(PerformanceReport report) {
        Breakdown byCounterpart = report.breakdown(Dimension.counterpartOf(side));
        BarChart referrals = new BarChart();
        referrals.setId("chart-counterpart");
        referrals.show(getTranslation("performance.chart-referrals", text.dimension(byCounterpart.dimension())),
                byCounterpart.rows().stream().map(row -> text.group(byCounterpart.dimension(), row)).toList(),
                series(byCounterpart, Measure.RECEIVED, Measure.ACCEPTED, Measure.COMPLETED), false);
        Breakdown byProgramme = report.breakdown(Dimension.PROGRAMME_AREA);
        BarChart rates = new BarChart();
        rates.setId("chart-rates");
        rates.show(getTranslation("performance.chart-rates", text.dimension(Dimension.PROGRAMME_AREA)),
                byProgramme.rows().stream().map(row -> text.group(Dimension.PROGRAMME_AREA, row)).toList(),
                series(byProgramme, Measure.ACCEPTANCE_RATE, Measure.ATTENDANCE_RATE, Measure.COMPLETION_RATE,
                        Measure.OUTCOMES_ACHIEVED_RATE), true);
        Paragraph tables = new Paragraph(getTranslation("performance.chart-tables"));
        tables.getStyle().set("font-size", "var(--lumo-font-size-s)");
        HorizontalLayout both = new HorizontalLayout(referrals, rates);
        both.setWidthFull();
        return new Div(both, tables);
    }

    private Map<String, List<Double>> series(Breakdown breakdown, Measure... measures) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        for (Measure measure : measures) {
            List<Double> values = new ArrayList<>();
            for (BreakdownRow row : breakdown.rows()) {
                Cell cell = row.cells().get(measure);
                values.add(cell.shown() ? cell.value() : null);
            }
            series.put(text.measure(measure), values);
        }
        return series;
    }

    private Component breakdownTable(Breakdown breakdown) {
        Dimension dimension = breakdown.dimension();
        Grid<BreakdownRow> grid = new Grid<>();
        grid.setId("breakdown-" + dimension.name());
        grid.addColumn(row -> text.group(dimension, row)).setHeader(text.dimension(dimension)).setFrozen(true)
                .setAutoWidth(true);
        for (Measure measure : Measure.values()) {
            grid.addComponentColumn(row -> {
                Component cell = measure.drillable()
                        ? countCell(measure, row.cells().get(measure), new DrillDown(measure, dimension, row.key()),
                                text.group(dimension, row))
                        : figureCell(measure, row.cells().get(measure));
                cell.setId("cell-" + dimension.name() + "-" + row.key() + "-" + measure.name());
                return cell;
            }).setHeader(text.measure(measure)).setAutoWidth(true);
        }
        grid.setItems(breakdown.rows());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_COLUMN_BORDERS);
        return new Div(new H3(getTranslation("performance.by", text.dimension(dimension))), grid);
    }

    private Component figureCell(Measure measure, Cell cell) {
        Span figure = new Span(text.format(measure, cell));
        if (cell.suppressed()) {
            figure.setTitle(getTranslation("performance.hidden"));
        }
        return figure;
    }

    /** A count: a button listing its referrals when shown and not zero, otherwise its text. */
    private Component countCell(Measure measure, Cell cell, DrillDown drill, String group) {
        String shownText = text.format(measure, cell);
        if (!cell.shown() || cell.value() == 0) {
            return figureCell(measure, cell);
        }
        Button button = new Button(shownText, click -> drill(drill, text.measure(measure) + " · " + group));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        button.setAriaLabel(getTranslation("performance.show-referrals-of", text.measure(measure), group, shownText));
        return button;
    }

    private void drill(DrillDown drill, String title) {
        new DrillDownDialog(performance, shown, drill, title, side == PerformanceSide.AGENCY, text).open();
    }

    private void startExport(ReportFormat format) {
        if (job != null) {
            job.discard();
        }
        try {
            // the file is written on another thread, outside Vaadin's scopes: look words up in the
            // portal's bundles directly (not through the service-scoped provider), in the reader's language
            org.reintegra.portal.i18n.PortalTranslations translations = new org.reintegra.portal.i18n.PortalTranslations();
            java.util.Locale locale = getLocale();
            job = exports.start(filter(), format,
                    new PerformanceText((key, params) -> translations.getTranslation(key, locale, params), locale));
        } catch (InputRejected rejected) {
            exportStatus.setText(getTranslation(rejected.messageKey()));
            return;
        }
        download.setVisible(false);
        progress.setVisible(true);
        progress.setValue(0);
        exportStatus.setText(getTranslation("performance.export-running", format.name()));
        UI ui = UI.getCurrent();
        if (pollBefore == -2) {
            pollBefore = ui.getPollInterval();
        }
        ui.setPollInterval(500);
    }

    private void followExport() {
        if (job == null || !progress.isVisible()) {
            return;
        }
        switch (job.state()) {
            case RUNNING -> progress.setValue(job.progress());
            case READY -> {
                progress.setVisible(false);
                ExportJob ready = job;
                exportStatus.setText(getTranslation("performance.export-ready", ready.format().name()));
                download.setHref(DownloadHandler.fromInputStream(event -> new DownloadResponse(ready.open(),
                        ready.fileName(), ready.format().contentType(), ready.size())));
                download.getElement().setAttribute("download", true);
                download.setText(getTranslation("performance.download", ready.fileName()));
                download.setVisible(true);
                stopFollowing(UI.getCurrent());
            }
            case FAILED -> {
                progress.setVisible(false);
                exportStatus.setText(getTranslation("performance.export-failed"));
                stopFollowing(UI.getCurrent());
            }
        }
    }

    private void stopFollowing(UI ui) {
        if (pollBefore != -2) {
            ui.setPollInterval(pollBefore);
            pollBefore = -2;
        }
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        super.onAttach(attach);
        polling = attach.getUI().addPollListener(poll -> followExport());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        stopFollowing(detach.getUI());
        if (polling != null) {
            polling.remove();
        }
        if (job != null) {
            job.discard();
        }
        super.onDetach(detach);
    }

    @Override
    public String getPageTitle() {
        return side == null ? getTranslation("performance.title-partner") : text.title(side);
    }

}
