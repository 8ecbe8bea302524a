package org.reintegra.quality;

/** The result of one check; unchecked items have none. */
public enum CheckResult {
    MET, NOT_MET, NOT_APPLICABLE
}
