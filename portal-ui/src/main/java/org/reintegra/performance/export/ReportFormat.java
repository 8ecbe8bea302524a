package org.reintegra.performance.export;

/** The file formats a performance report exports to. */
public enum ReportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Whether the file lists the report's referrals one by one (pseudonymised), besides its figures. */
    public boolean listsReferrals() {
        return this == XLSX;
    }
}
