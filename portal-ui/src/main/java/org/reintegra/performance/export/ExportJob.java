package org.reintegra.performance.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One export being written in the background: how far it is, and the file when it is ready. Only
 * the screen that started it holds it, so only the person who asked downloads it; the file is
 * deleted when they leave the screen or start another export.
 */
public final class ExportJob implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ExportJob.class.getName());

    /** Where a job stands. */
    public enum State {
        RUNNING, READY, FAILED
    }

    private final ReportFormat format;
    private final String fileName;
    private volatile State state = State.RUNNING;
    private volatile double progress;
    private volatile transient Path file;

    ExportJob(ReportFormat format, String fileName) {
        this.format = format;
        this.fileName = fileName;
    }

    public ReportFormat format() {
        return format;
    }

    public String fileName() {
        return fileName;
    }

    public State state() {
        return state;
    }

    /** From 0 to 1. */
    public double progress() {
        return progress;
    }

    void progress(double done) {
        this.progress = Math.max(0, Math.min(1, done));
    }

    void ready(Path written) {
        this.file = written;
        this.progress = 1;
        this.state = State.READY;
    }

    void failed() {
        this.state = State.FAILED;
    }

    public InputStream open() throws IOException {
        if (state != State.READY || file == null) {
            throw new IOException("export not ready");
        }
        return Files.newInputStream(file);
    }

    public long size() {
        try {
            return file == null ? -1 : Files.size(file);
        } catch (IOException gone) {
            return -1;
        }
    }

    /** Deletes the file (the screen was left, or another export replaces this one). */
    public void discard() {
        Path written = file;
        file = null;
        if (written != null) {
            try {
                Files.deleteIfExists(written);
            } catch (IOException notDeleted) {
                LOG.log(Level.WARNING, "Export file not deleted", notDeleted);
            }
        }
    }
}
