package org.reintegra.portal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The address a browser returns to after sign-in is always one of the portal's own. */
class SessionReentryTest {

    @Test
    void pathsOfThePortalAreKept() {
        assertTrue(SessionReentry.isLocalAddress("/referrals/42"));
        assertTrue(SessionReentry.isLocalAddress("/performance?from=2026-01-01&partner=justice-art-ngo"));
        assertTrue(SessionReentry.isLocalAddress("/audit"));
    }

    @Test
    void addressesThatCouldLeaveThePortalAreRefused() {
        assertFalse(SessionReentry.isLocalAddress(null));
        assertFalse(SessionReentry.isLocalAddress(""));
        assertFalse(SessionReentry.isLocalAddress("/"), "the start page needs no return");
        assertFalse(SessionReentry.isLocalAddress("https://elsewhere.example/"));
        assertFalse(SessionReentry.isLocalAddress("//elsewhere.example/path"));
        assertFalse(SessionReentry.isLocalAddress("/\\elsewhere.example"));
        assertFalse(SessionReentry.isLocalAddress("/referrals\\..\\x"));
        assertFalse(SessionReentry.isLocalAddress("/referrals/1\r\nSet-Cookie: x=y"));
        assertFalse(SessionReentry.isLocalAddress("/" + "a".repeat(2500)));
    }

    @Test
    void signInsOwnPagesAreNeverReturnedTo() {
        assertTrue(SessionReentry.isReturnAddress("/referrals/42"));
        assertFalse(SessionReentry.isReturnAddress("/signout"), "a planted cookie must not sign the user out again");
        assertFalse(SessionReentry.isReturnAddress("/callback?code=x&state=y"));
        assertFalse(SessionReentry.isReturnAddress("/VAADIN/build/app.js"));
        assertFalse(SessionReentry.isReturnAddress("//elsewhere.example/"));
    }
}
