package org.reintegra.it;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cross-tenant authorisation matrix over the demo data, written by hand from the visibility
 * rule: an agency sees every referral it sent (drafts included, withdrawn ones too), a partner sees
 * the referrals sent to it once sent, nobody else sees anything; a user without a referral role
 * (partner admin, platform admin) sees none.
 */
final class AccessMatrix {

    /** The demo referrals by the family name of their client. */
    static final List<String> REFERRALS = List.of("ბერიძე", "Абенов", "Токтогулова", "Tsiklauri", "Иванова",
            "ჯაფარიძე", "Касымов", "Popescu", "Kvaratskhelia", "Нурланова", "Жумабаев", "Сапаров");

    private static final Set<String> PROBATION_AGENCY = Set.of("ბერიძე", "Абенов", "Токтогулова", "Tsiklauri",
            "Иванова", "ჯაფარიძე", "Касымов", "Popescu", "Kvaratskhelia", "Нурланова");
    private static final Set<String> PENITENTIARY_SERVICE = Set.of("Жумабаев", "Сапаров");
    private static final Set<String> JUSTICE_ART_NGO = Set.of("ბერიძე", "Tsiklauri", "Popescu", "Жумабаев");
    private static final Set<String> NEW_PATH_NGO = Set.of("Абенов", "Иванова", "Касымов");
    private static final Set<String> VOCATIONAL_COLLEGE = Set.of("Токтогулова", "ჯაფარიძე", "Сапаров");

    /** Each demo user and the referrals they may open (every other one must look missing). */
    static final Map<String, Set<String>> VISIBLE = new LinkedHashMap<>();

    static {
        VISIBLE.put("officer.nino", PROBATION_AGENCY);
        VISIBLE.put("liaison.giorgi", PROBATION_AGENCY);
        VISIBLE.put("admin.probation", Set.of()); // agency admins manage staff, not cases
        VISIBLE.put("officer.aibek", PENITENTIARY_SERVICE);
        VISIBLE.put("lawyer.tamar", JUSTICE_ART_NGO);
        VISIBLE.put("admin.justice", Set.of()); // partner admins manage staff and catalogue, not cases
        VISIBLE.put("caseworker.dana", NEW_PATH_NGO);
        VISIBLE.put("admin.newpath", Set.of());
        VISIBLE.put("registrar.erlan", VOCATIONAL_COLLEGE);
        VISIBLE.put("platform.admin", Set.of());
    }

    private AccessMatrix() {
    }
}
