/**
 * The {@code local} backend's process layer: an agent's directories, sandboxes, tasks as real OS
 * processes (each in a session and process group of its own), their checkpoints and re-adoption
 * after a scheduler restart, and the agent's ledger of reservations and persistent volumes.
 *
 * <p>Everything here is package-private; the backend in this package assembles it. An agent's
 * work directory looks like this:
 *
 * <pre>
 * &lt;workDir&gt;/agents/&lt;agent&gt;/
 *   ledger.json                      reservations and volumes ({@link io.stratum.sdk.backend.local.Ledger})
 *   volumes/&lt;persistenceId&gt;/          persistent volumes: outlive tasks, deleted only by destroy
 *   tasks/&lt;taskId&gt;.json               checkpoints of launched tasks ({@link io.stratum.sdk.backend.local.Checkpoint})
 *   sandboxes/&lt;taskId&gt;/                one per launch ({@link io.stratum.sdk.backend.local.Sandbox})
 *     stdout, stderr                 the task's output
 *     &lt;volume path&gt; -&gt; ../../volumes/&lt;persistenceId&gt;
 *     .stratum/pid, .stratum/exit-code   written by the task's wrapper shell
 * </pre>
 */
package io.stratum.sdk.backend.local;
