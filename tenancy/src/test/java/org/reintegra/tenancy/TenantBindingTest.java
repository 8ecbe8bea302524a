package org.reintegra.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantBindingTest {

    private static final TenantId AGENCY = TenantId.of("npa");
    private static final TenantId PARTNER = TenantId.of("ngo-tbilisi");

    @AfterEach
    void nothingIsLeftBound() {
        assertEquals(Optional.empty(), TenantBinding.bound());
    }

    @Test
    void nothingIsBoundOutsideABinding() {
        assertEquals(Optional.empty(), TenantBinding.bound());
    }

    @Test
    void theBoundTenantHoldsWhileTheWorkRuns() {
        AtomicReference<Optional<TenantId>> seen = new AtomicReference<>();

        TenantBinding.runAs(AGENCY, () -> seen.set(TenantBinding.bound()));

        assertEquals(Optional.of(AGENCY), seen.get());
    }

    @Test
    void callAsReturnsWhatTheWorkReturns() throws Exception {
        Optional<TenantId> seen = TenantBinding.callAs(PARTNER, TenantBinding::bound);

        assertEquals(Optional.of(PARTNER), seen);
    }

    @Test
    void anInnerBindingWinsAndTheOuterIsRestoredAfterIt() {
        AtomicReference<Optional<TenantId>> inner = new AtomicReference<>();
        AtomicReference<Optional<TenantId>> afterInner = new AtomicReference<>();

        TenantBinding.runAs(AGENCY, () -> {
            TenantBinding.runAs(PARTNER, () -> inner.set(TenantBinding.bound()));
            afterInner.set(TenantBinding.bound());
        });

        assertEquals(Optional.of(PARTNER), inner.get());
        assertEquals(Optional.of(AGENCY), afterInner.get());
    }

    @Test
    void theBindingIsRemovedWhenTheWorkFails() {
        IllegalStateException failure = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> TenantBinding.runAs(AGENCY, () -> {
                    throw failure;
                }));

        assertSame(failure, thrown, "the work's own exception comes through unwrapped");
        assertEquals(Optional.empty(), TenantBinding.bound());
    }

    @Test
    void theBindingIsRemovedWhenCalledWorkThrowsACheckedException() {
        IOException failure = new IOException("disk");

        IOException thrown = assertThrows(IOException.class, () -> TenantBinding.callAs(AGENCY, () -> {
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), TenantBinding.bound());
    }

    @Test
    void theOuterBindingIsRestoredWhenInnerWorkFails() {
        AtomicReference<Optional<TenantId>> afterInner = new AtomicReference<>();

        TenantBinding.runAs(AGENCY, () -> {
            assertThrows(IllegalStateException.class, () -> TenantBinding.runAs(PARTNER, () -> {
                throw new IllegalStateException("boom");
            }));
            afterInner.set(TenantBinding.bound());
        });

        assertEquals(Optional.of(AGENCY), afterInner.get());
    }

    @Test
    void aBindingHoldsOnlyOnItsOwnThread() throws Exception {
        AtomicReference<Optional<TenantId>> seenElsewhere = new AtomicReference<>();

        TenantBinding.callAs(AGENCY, () -> {
            Thread other = new Thread(() -> seenElsewhere.set(TenantBinding.bound()));
            other.start();
            other.join();
            return null;
        });

        assertEquals(Optional.empty(), seenElsewhere.get());
    }
}
