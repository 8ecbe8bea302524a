package org.reintegra.quality;

/** A finding is open until the partner answers it; the agency closes it or opens it again. */
public enum FindingStatus {
    OPEN, ANSWERED, CLOSED
}
