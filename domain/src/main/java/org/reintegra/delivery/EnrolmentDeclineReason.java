package org.reintegra.delivery;

/** Why a place was not taken up. */
public enum EnrolmentDeclineReason {
    NOT_ELIGIBLE,
    CLIENT_DECLINED,
    DID_NOT_REPORT,
    COURSE_CANCELLED,
    OTHER
}
