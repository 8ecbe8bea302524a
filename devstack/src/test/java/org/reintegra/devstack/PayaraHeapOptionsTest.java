package org.reintegra.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Payara JVM's heap options: a fixed layout with the parallel collector and a young size, else the collector's own. */
class PayaraHeapOptionsTest {

    @Test
    void parallelCollectorWithAYoungSizeGetsTheFixedLayout() {
        assertEquals(List.of("-Xms3g", "-Xmx3g", "-XX:+UseParallelGC", "-Xmn2g", "-XX:SurvivorRatio=6",
                        "-XX:-UseAdaptiveSizePolicy", "-XX:TargetSurvivorRatio=90", "-XX:MaxTenuringThreshold=15"),
                PayaraMicroProcess.heapOptions("3g", "2g", "-XX:+UseParallelGC"));
    }

    @Test
    void withoutAYoungSizeOrWithAnotherCollectorTheCollectorSizesTheHeap() {
        assertEquals(List.of("-Xmx768m", "-XX:+UseParallelGC"), PayaraMicroProcess.heapOptions("768m", "", "-XX:+UseParallelGC"));
        assertEquals(List.of("-Xmx768m", "-XX:+UseParallelGC"), PayaraMicroProcess.heapOptions("768m", null, "-XX:+UseParallelGC"));
        assertEquals(List.of("-Xmx3g", "-XX:+UseG1GC"), PayaraMicroProcess.heapOptions("3g", "2g", "-XX:+UseG1GC"));
    }
}
