package org.reintegra.access;

/** Realm roles issued by Keycloak, seen by the application as Jakarta Security roles. */
public final class Roles {

    public static final String AGENCY_OFFICER = "agency-officer";
    public static final String AGENCY_LIAISON = "agency-liaison";
    /** Administrator of an agency: manages its staff (the agency counterpart of {@link #PARTNER_ADMIN}). */
    public static final String AGENCY_ADMIN = "agency-admin";
    public static final String PARTNER_STAFF = "partner-staff";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String COLLEGE_REGISTRAR = "college-registrar";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
