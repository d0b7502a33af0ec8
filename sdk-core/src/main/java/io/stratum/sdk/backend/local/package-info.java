/**
 * The {@code local} backend: {@link io.stratum.sdk.backend.local.LocalBackend}, an embedded cluster
 * of agents on loopback addresses whose tasks are real OS processes (each in a session and process
 * group of its own), with their checkpoints and re-adoption after a scheduler restart, and each
 * agent's ledger of reservations and persistent volumes.
 *
 * <p>Only {@link io.stratum.sdk.backend.local.LocalBackend} and its builder are public. An agent's
 * work directory looks like this:
 *
 * <pre>
 * &lt;workDir&gt;/agents/&lt;agent&gt;/
 *   ledger.json                      reservations and volumes ({@link io.stratum.sdk.backend.local.Ledger})
 *   volumes/&lt;persistenceId&gt;/          persistent volumes on the root disk: outlive tasks, deleted only by destroy
 *   mounts/&lt;diskId&gt;/                 MOUNT disks ({@code mount-1}, ...): a volume on one is the whole directory
 *   tasks/&lt;taskId&gt;.json               checkpoints of launched tasks ({@link io.stratum.sdk.backend.local.Checkpoint})
 *   launches/&lt;taskId&gt;.json            what the backend knows of each launch ({@link io.stratum.sdk.backend.local.LaunchRecord})
 *   sandboxes/&lt;taskId&gt;/                one per launch ({@link io.stratum.sdk.backend.local.Sandbox})
 *     stdout, stderr                 the task's output
 *     &lt;volume path&gt; -&gt; ../../volumes/&lt;persistenceId&gt; (or ../../mounts/&lt;diskId&gt;)
 *     &lt;config dest&gt;                  rendered config templates
 *     .stratum/pid, .stratum/exit-code   written by the task's wrapper shell
 * </pre>
 *
 * <p>Inside, one thread ({@link io.stratum.sdk.backend.local.BackendThread}) owns the state:
 * {@link io.stratum.sdk.backend.local.OfferBook} (offers, filters, suppression),
 * {@link io.stratum.sdk.backend.local.Operations} (reserve, unreserve, create, destroy on the
 * ledger), {@link io.stratum.sdk.backend.local.TaskStarter} (sandbox, environment, configs,
 * process), {@link io.stratum.sdk.backend.local.TaskSupervisor} (statuses, checks, kills, exits)
 * and {@link io.stratum.sdk.backend.local.StatusUpdates} (ack ids and redelivery).
 */
package io.stratum.sdk.backend.local;
