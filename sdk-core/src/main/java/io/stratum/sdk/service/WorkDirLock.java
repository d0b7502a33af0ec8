package io.stratum.sdk.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS file lock on a work dir: two schedulers must never share one (they would start
 * two ZooKeeper servers on one data directory, and two local clusters on one set of agents). The
 * OS releases the lock when the process dies, even by {@code kill -9}.
 */
final class WorkDirLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private WorkDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The work dir is locked by another scheduler. */
    static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    /**
     * @throws InUseException if another scheduler holds the work dir
     * @throws IOException    if the lock file can't be opened
     */
    static WorkDirLock acquire(Path workDir) throws IOException {
        FileChannel channel = FileChannel.open(workDir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new InUseException("the work dir " + workDir + " is in use by another scheduler: "
                    + "stop it first, or pick another work dir");
        }
        return new WorkDirLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
