package io.stratum.sdk.internal.state;

import org.apache.zookeeper.KeeperException;

/**
 * Maps what ZooKeeper and Curator throw to {@link PersisterException}s, so that callers see one
 * failure type whatever the store.
 */
final class KeeperFailures {
    private KeeperFailures() {}

    /** A ZooKeeper call, as Curator declares them. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws Exception;
    }

    /** @return what {@code call} returns; its failure translated */
    static <T> T run(String path, Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw translate(e, path);
        }
    }

    static PersisterException translate(Exception e, String path) {
        if (e instanceof PersisterException p) {
            return p;
        }
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            return new PersisterException(PersisterException.Reason.INTERRUPTED, path,
                    "interrupted while waiting for ZooKeeper", e);
        }
        if (e instanceof KeeperException k) {
            return translate(k.code(), path, e);
        }
        return new PersisterException(PersisterException.Reason.FAILED, path,
                "ZooKeeper call failed: " + e, e);
    }

    static PersisterException translate(KeeperException.Code code, String path, Exception cause) {
        String where = path == null ? "" : " at " + path;
        switch (code) {
            case NONODE:
                return new PersisterException(PersisterException.Reason.NOT_FOUND, path, "no node" + where, cause);
            case CONNECTIONLOSS:
            case SESSIONEXPIRED:
            case OPERATIONTIMEOUT:
            case SESSIONMOVED:
                return new PersisterException(PersisterException.Reason.UNAVAILABLE, path,
                        "ZooKeeper unavailable (" + code + ")" + where + " after all retries", cause);
            case BADVERSION:
            case NODEEXISTS:
            case NOTEMPTY:
                return new PersisterException(PersisterException.Reason.CONFLICT, path,
                        "concurrent change" + where + " (" + code + ")", cause);
            default:
                return new PersisterException(PersisterException.Reason.FAILED, path,
                        "ZooKeeper failed" + where + ": " + code, cause);
        }
    }

    /** @return whether {@code e} means another writer changed nodes a transaction expected unchanged */
    static boolean isConflict(Exception e) {
        return e instanceof KeeperException k && (k.code() == KeeperException.Code.BADVERSION
                || k.code() == KeeperException.Code.NODEEXISTS || k.code() == KeeperException.Code.NOTEMPTY
                || k.code() == KeeperException.Code.NONODE);
    }
}
