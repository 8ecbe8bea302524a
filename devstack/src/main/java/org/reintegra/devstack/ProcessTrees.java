package org.reintegra.devstack;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Stops a process and everything it started: politely first, forcibly after a grace period. */
final class ProcessTrees {

    private ProcessTrees() {
    }

    /** Stops the process and its descendants; answers whether it ended within the grace period. */
    static boolean stop(Process process, Duration grace) {
        if (process == null) {
            return true;
        }
        boolean polite = true;
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                polite = false;
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            polite = false;
            process.destroyForcibly();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return polite;
    }
}
