package io.stratum.sdk.backend;

import io.stratum.sdk.resource.PersistentVolume;
import io.stratum.sdk.resource.Resource;
import java.util.List;
import java.util.Objects;

/**
 * One operation the scheduler should send to accept an offer. The evaluator returns them in the
 * order to send: reserves, volume creations, unreserves, then the launch; garbage collection
 * returns volume destructions before the unreserves of their disks.
 */
public sealed interface Operation {

    /** @return the id of the offer the operation applies to */
    String offerId();

    /**
     * Reserve {@code resource} (which carries the new reservation and its labels) from the offer.
     *
     * @param offerId  the offer
     * @param resource the resource as it will be once reserved
     */
    record Reserve(String offerId, Resource resource) implements Operation {
        /** @throws IllegalArgumentException if the resource has no reservation */
        public Reserve {
            Objects.requireNonNull(offerId, "offerId");
            if (resource.reservation().isEmpty()) {
                throw new IllegalArgumentException("nothing to reserve: " + resource);
            }
        }
    }

    /**
     * Unreserve {@code resource}: all of a reservation (garbage collection) or part of one (a resource
     * shrunk by a config update; the amount is the difference).
     *
     * @param offerId  the offer
     * @param resource the reserved resource, with its reservation, to give back
     */
    record Unreserve(String offerId, Resource resource) implements Operation {
        /** @throws IllegalArgumentException if the resource has no reservation */
        public Unreserve {
            Objects.requireNonNull(offerId, "offerId");
            if (resource.reservation().isEmpty()) {
                throw new IllegalArgumentException("nothing to unreserve: " + resource);
            }
        }
    }

    /**
     * Create a persistent volume on reserved disk.
     *
     * @param offerId the offer
     * @param volume  the reserved disk with the {@link PersistentVolume} to create
     */
    record CreateVolume(String offerId, Resource volume) implements Operation {
        /** @throws IllegalArgumentException if the resource carries no volume */
        public CreateVolume {
            Objects.requireNonNull(offerId, "offerId");
            if (volume.volume().isEmpty()) {
                throw new IllegalArgumentException("no volume to create: " + volume);
            }
        }
    }

    /**
     * Destroy a persistent volume no pod instance owns; its disk is unreserved by the recommendation
     * that follows.
     *
     * @param offerId the offer
     * @param volume  the reserved disk carrying the volume
     */
    record DestroyVolume(String offerId, Resource volume) implements Operation {
        /** @throws IllegalArgumentException if the resource carries no volume */
        public DestroyVolume {
            Objects.requireNonNull(offerId, "offerId");
            if (volume.volume().isEmpty()) {
                throw new IllegalArgumentException("no volume to destroy: " + volume);
            }
        }
    }

    /**
     * Launch a task group: the requested tasks of one pod instance, together, on the offer's agent.
     *
     * @param offerId            the offer
     * @param agentId            the agent the tasks run on
     * @param podInstance        the pod instance's name
     * @param tasks              the tasks, in the order requested
     * @param executorResources  the pod instance's executor overhead reservations (may be empty)
     */
    record Launch(String offerId, String agentId, String podInstance, List<TaskLaunch> tasks,
            List<Resource> executorResources) implements Operation {

        /** @throws IllegalArgumentException if there is no task */
        public Launch {
            Objects.requireNonNull(offerId, "offerId");
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(podInstance, "podInstance");
            tasks = List.copyOf(tasks);
            executorResources = List.copyOf(executorResources);
            if (tasks.isEmpty()) {
                throw new IllegalArgumentException("a launch needs at least one task");
            }
        }
    }
}
