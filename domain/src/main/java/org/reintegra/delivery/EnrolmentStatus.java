package org.reintegra.delivery;

/** A place at a college: offered, then confirmed or declined; a confirmed one ends completed or dropped out. */
public enum EnrolmentStatus {
    OFFERED,
    CONFIRMED,
    DECLINED,
    COMPLETED,
    DROPPED_OUT;

    public boolean open() {
        return this == OFFERED || this == CONFIRMED;
    }
}
