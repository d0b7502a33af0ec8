package io.stratum.benchmarks;

/**
 * Measures the heap an object graph holds: the heap in use (after full collections) while it is
 * reachable, minus the heap in use once it has been released. Approximate (collections are only
 * requested, and other threads allocate meanwhile), good to a few MB.
 */
final class HeapFigure {
    private static final long MB = 1024 * 1024;

    private HeapFigure() {
    }

    /** Prints {@code label} with the heap {@code release} frees, in MB, and returns it in bytes. */
    static long report(String label, Runnable release) {
        long held = usedAfterGc();
        release.run();
        long without = usedAfterGc();
        long retained = held - without;
        System.out.printf("%n%s: %,d MB (heap in use %,d MB with it, %,d MB without)%n", label, retained / MB,
                held / MB, without / MB);
        return retained;
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
