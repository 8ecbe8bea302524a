package org.reintegra.performance.export;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Tag;
import org.reintegra.performance.PerformanceFilter;
import org.reintegra.performance.PerformanceReport;
import org.reintegra.performance.PerformanceService;
import org.reintegra.portal.metrics.PortalMetrics;
import org.reintegra.tenancy.CurrentTenant;
import org.reintegra.tenancy.TenantBinding;
import org.reintegra.tenancy.TenantId;

/**
 * Starts performance exports. The figures are read (and the export audited) at once, in the
 * request of the person exporting; the file is written by the server's managed executor, which
 * carries their identity, for the tenant captured here. An XLSX also lists the report's referrals
 * one per row, read in batches that are each audited; the job's progress follows them.
 */
@ApplicationScoped
public class PerformanceExports {

    private static final Logger LOG = Logger.getLogger(PerformanceExports.class.getName());
    static final int BATCH = 1000;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private PerformanceService performance;

    @Inject
    private CurrentTenant currentTenant;

    @Inject
    private PortalMetrics metrics;

    /** Reads the report, records the export and starts writing the file. */
    public ExportJob start(PerformanceFilter filter, ReportFormat format, PerformanceText text) {
        TenantId tenant = currentTenant.require();
        PerformanceReport report = performance.report(filter);
        performance.recordExport(filter, format.name());
        ExportJob job = new ExportJob(format, "performance-" + LocalDate.now() + "." + format.extension());
        long referrals = report.totals().received();
        metrics.count(PortalMetrics.EXPORTS, new Tag("format", format.name()));
        executor.submit(() -> TenantBinding.runAs(tenant, () -> write(job, report, text, referrals)));
        return job;
    }

    private void write(ExportJob job, PerformanceReport report, PerformanceText text, long referrals) {
        long started = System.nanoTime();
        Path file = null;
        try {
            file = Files.createTempFile("reintegra-export-", "." + job.format().extension(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(file)) {
                switch (job.format()) {
                    case CSV -> CsvReport.write(report, text, out);
                    case PDF -> PdfReport.write(report, text, out);
                    case XLSX -> new XlsxReport(report, text).write(
                            after -> performance.exportBatch(report.filter(), after, BATCH),
                            written -> job.progress(referrals == 0 ? 0.9 : 0.9 * written / referrals), out);
                }
            }
            job.ready(file);
            metrics.time(PortalMetrics.EXPORT_TIME, Duration.ofNanos(System.nanoTime() - started),
                    new Tag("format", job.format().name()));
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "Performance export failed", failed);
            job.failed();
            metrics.count(PortalMetrics.EXPORT_FAILURES);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException notDeleted) {
                    LOG.log(Level.WARNING, "Failed export's file not deleted", notDeleted);
                }
            }
        }
    }
}
