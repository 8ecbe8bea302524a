package org.reintegra.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Starts the test stack before the first test of the run and stops it after the last. */
public class TestStackSession implements LauncherSessionListener {

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            TestStack.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start PostgreSQL and Keycloak for the tests", e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        try {
            TestStack.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Could not stop the test stack", e);
        }
    }
}
