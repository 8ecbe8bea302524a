package org.reintegra.delivery;

import java.time.LocalDate;

/** A card milestone as screens show it: the document number is masked, always. */
public record CardEntry(long id, CardType type, LocalDate requestedOn, LocalDate issuedOn, String maskedNumber,
                        long version) {

    /** Shows the last four characters only: "•••• 1234". */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        String compact = number.replaceAll("\\s", "");
        return compact.length() <= 4 ? "••••" : "•••• " + compact.substring(compact.length() - 4);
    }
}
