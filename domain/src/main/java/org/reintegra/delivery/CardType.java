package org.reintegra.delivery;

/** The free cards a partner helps a client obtain. */
public enum CardType {
    ID_CARD,
    TRANSPORT_CARD
}
