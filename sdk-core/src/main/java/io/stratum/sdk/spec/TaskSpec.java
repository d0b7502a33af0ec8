package io.stratum.sdk.spec;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.Map;
import java.util.Objects;

/**
 * One task of a pod: a command with its resources, environment, config files and checks.
 *
 * <p>Resources are given inline ({@code cpus}, {@code gpus}, {@code memory}, {@code ports},
 * {@code volumes}) or by naming a pod resource set, never both; {@link PodSpec#resourcesOf}
 * gives the effective set either way. As in the DC/OS SDK, an inline resource left out is not
 * reserved at all: a task without {@code cpus} reserves no CPU. A task must reserve something,
 * though, since Mesos refuses to launch a task that uses no resources.
 *
 * @param name             the task's name: letters, digits, '-' and '_' (as in the DC/OS SDK), starting
 *                         with a letter; task instances are {@code <pod>-<index>-<name>}
 * @param goal             RUNNING, FINISH or ONCE
 * @param essential        whether the task's failure fails the whole pod instance (default true)
 * @param cmd              the shell command ({@code /bin/sh -c})
 * @param labels           free-form labels
 * @param env              environment variables, by name
 * @param configs          config templates rendered into the sandbox, by name
 * @param cpus             inline CPU shares, greater than 0, or null for none (null with a resource set)
 * @param gpus             inline GPUs, or null
 * @param memory           inline memory in MB, greater than 0, or null for none (null with a resource set)
 * @param ports            inline ports, by name
 * @param healthCheck      the health check, or null
 * @param readinessCheck   the readiness check, or null
 * @param volumes          inline persistent volumes, by name
 * @param resourceSet      the pod resource set used, or null
 * @param discovery        how the task is named in service discovery, or null
 * @param killGracePeriod  seconds between SIGTERM and SIGKILL, 0 to 86,400
 * @param resourceLimits   limits above the reservation, or null for none (or those of the task's resource
 *                         set: see {@link PodSpec#resourceLimitsOf})
 */
public record TaskSpec(
        @Pattern(regexp = SpecNames.TASK_NAME, message = SpecNames.TASK_NAME_RULE) String name,
        Goal goal,
        boolean essential,
        @NotBlank(message = "must not be empty") String cmd,
        Map<String, String> labels,
        Map<String, String> env,
        Map<String, @Valid ConfigSpec> configs,
        @Positive Double cpus,
        @PositiveOrZero Double gpus,
        @Positive Double memory,
        Map<String, @Valid PortSpec> ports,
        @Valid CheckSpec healthCheck,
        @Valid CheckSpec readinessCheck,
        Map<String, @Valid VolumeSpec> volumes,
        String resourceSet,
        @Valid DiscoverySpec discovery,
        @PositiveOrZero @Max(value = 86_400, message = "must be at most 86400") int killGracePeriod,
        @Valid ResourceLimitsSpec resourceLimits) {

    public TaskSpec {
        Objects.requireNonNull(name, "name");
        goal = goal == null ? Goal.RUNNING : goal;
        labels = Copies.map(labels);
        env = Copies.map(env);
        configs = Copies.map(configs);
        ports = Copies.map(ports);
        volumes = Copies.map(volumes);
    }
}
