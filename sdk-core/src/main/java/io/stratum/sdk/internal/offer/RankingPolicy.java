package io.stratum.sdk.internal.offer;

/**
 * Ranks the offers that can host a pod instance, so the evaluator picks the best rather than the
 * first. A policy sees how full the agent's offered resources would be after the placement; soft
 * placement preferences are added on top of its score.
 *
 * <p>Implementations must be pure and fast: they are called for many agents per placement, and
 * an agent's score must not change unless its resources do.
 */
@FunctionalInterface
public interface RankingPolicy {

    /**
     * @param cpus   the fraction of the offered cpus in use after the placement, 0 to 1
     * @param memory the fraction of the offered memory in use after the placement, 0 to 1
     * @param disk   the fraction of the offered ROOT disk in use after the placement, 0 to 1
     * @return a value between 0.0 and 1.0, higher values representing a better fit
     */
    double score(double cpus, double memory, double disk);

    /** @return best fit: the agent left fullest in cpus and memory first (fewer agents used) */
    static RankingPolicy binPack() {
        return (cpus, memory, disk) -> (cpus + memory) / 2;
    }

    /** @return worst fit: the agent left emptiest in cpus and memory first (load spread out) */
    static RankingPolicy spread() {
        return (cpus, memory, disk) -> 1 - (cpus + memory) / 2;
    }
}
