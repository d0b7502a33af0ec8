/**
 * The {@code local} backend: {@link LocalBackend}, an embedded cluster
 * of agents on loopback addresses whose tasks are real OS processes (each in a session and process
 * group of its own), with their checkpoints and re-adoption after a scheduler restart. Agents,
 * offers, reservations and volumes are the shared core's ({@code internal.cluster}); this package
 * adds what is local: processes, sandboxes, checks, and the files that keep the core's state.
 *
 * <p>Only {@link LocalBackend} and its builder are public. An agent's
 * work directory looks like this:
 *
 * <pre>
 * &lt;workDir&gt;/agents/&lt;agent&gt;/
 *   ledger.json                      reservations and volumes ({@code LedgerFile})
 *   volumes/&lt;persistenceId&gt;/          persistent volumes on the root disk: outlive tasks, deleted only by destroy
 *   mounts/&lt;diskId&gt;/                 MOUNT disks ({@code mount-1}, ...): a volume on one is the whole directory
 *   tasks/&lt;taskId&gt;.json               checkpoints of launched tasks ({@code Checkpoint})
 *   launches/&lt;taskId&gt;.json            what the backend knows of each launch ({@code LaunchRecord})
 *   sandboxes/&lt;taskId&gt;/                one per launch ({@code Sandbox})
 *     stdout, stderr                 the task's output
 *     &lt;volume path&gt; -&gt; ../../volumes/&lt;persistenceId&gt; (or ../../mounts/&lt;diskId&gt;)
 *     &lt;config dest&gt;                  rendered config templates
 *     .stratum/pid, .stratum/exit-code   written by the task's wrapper shell
 * </pre>
 *
 * <p>Inside, one thread ({@code BackendThread}) owns the state: the core's {@code ClusterCore} (offers,
 * filters, suppression; reserve, unreserve, create, destroy and launch claims, written to each
 * agent's {@code LedgerFile}), {@code TaskStarter} (sandbox, environment, configs, process),
 * {@code TaskSupervisor} (statuses, checks, kills, exits) and {@code StatusUpdates} (ack ids and
 * redelivery).
 */
package io.stratum.sdk.backend.local;
