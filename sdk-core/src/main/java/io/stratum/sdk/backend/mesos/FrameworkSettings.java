package io.stratum.sdk.backend.mesos;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stratum.sdk.resource.Resource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who the framework is to Mesos: the {@code FrameworkInfo} it subscribes with, and the roles it
 * reserves for.
 *
 * <p>Stratum reserves for one {@code role}. Resources statically reserved for another role
 * {@code pre} (a pod's {@code pre-reserved-role}) are offered to the child role {@code pre/role},
 * the only role that may refine their reservation; so the framework subscribes to {@code role} and
 * to {@code pre/role} for each pre-reserved role, and each resource is used under the role it was
 * allocated to ({@link #allocationRole}).
 *
 * @param user            the user tasks run as
 * @param name            the framework's name
 * @param roles           the role reservations are made for, and the pre-reserved roles it refines
 * @param principal       the principal that authenticates and reserves
 * @param failoverTimeout how long Mesos keeps the tasks running while no scheduler is subscribed
 */
record FrameworkSettings(String user, String name, Roles roles, String principal, Duration failoverTimeout) {

    /**
     * The roles of a framework.
     *
     * @param role        the role reservations are made for
     * @param preReserved roles whose static reservations the service refines
     */
    record Roles(String role, Set<String> preReserved) {
        Roles {
            Objects.requireNonNull(role, "role");
            preReserved = Set.copyOf(preReserved);
        }

        /** @return every role the framework subscribes to: {@code role}, then {@code pre/role} for each pre-reserved role */
        List<String> all() {
            List<String> roles = new ArrayList<>();
            roles.add(role);
            preReserved.stream().sorted().forEach(pre -> roles.add(refined(pre)));
            return roles;
        }

        /** @return the role a reservation refining {@code preReservedRole} is made for */
        String refined(String preReservedRole) {
            return preReservedRole + "/" + role;
        }
    }

    FrameworkSettings {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(failoverTimeout, "failoverTimeout");
    }

    /** The capabilities Stratum relies on. */
    static final List<String> CAPABILITIES = List.of("MULTI_ROLE", "RESERVATION_REFINEMENT", "TASK_KILLING_STATE",
            "PARTITION_AWARE");

    /** @return the role reservations are made for */
    String role() {
        return roles.role();
    }

    /** @return the role a reservation refining {@code preReservedRole} is made for */
    String refined(String preReservedRole) {
        return roles.refined(preReservedRole);
    }

    /** @return the role {@code resource} is allocated to when offered to this framework */
    String allocationRole(Resource resource) {
        return resource.preReservedRole().map(this::refined).orElse(role());
    }

    /** @return the {@code FrameworkInfo} message, with {@code frameworkId} when re-subscribing */
    ObjectNode frameworkInfo(Optional<String> frameworkId) {
        ObjectNode info = Wire.object().put("user", user).put("name", name);
        frameworkId.ifPresent(id -> info.set("id", Wire.id(id)));
        info.put("failover_timeout", failoverTimeout.toMillis() / 1000.0);
        info.put("checkpoint", true);
        ArrayNode array = info.putArray("roles");
        roles.all().forEach(array::add);
        info.put("principal", principal);
        ArrayNode capabilities = info.putArray("capabilities");
        CAPABILITIES.forEach(type -> capabilities.addObject().put("type", type));
        return info;
    }
}
