package org.reintegra.quality;

public enum ReviewStatus {
    OPEN, CLOSED
}
