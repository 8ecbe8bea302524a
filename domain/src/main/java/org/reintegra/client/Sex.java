package org.reintegra.client;

/** Sex as recorded by the agency. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER
}
