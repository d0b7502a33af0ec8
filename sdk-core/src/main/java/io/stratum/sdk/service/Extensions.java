package io.stratum.sdk.service;

import io.stratum.sdk.backend.mesos.MesosBackendBuilder;
import io.stratum.sdk.http.ApiHandler;
import io.stratum.sdk.placement.PlacementRule;
import io.stratum.sdk.plan.PlanCustomizer;
import io.stratum.sdk.spec.ConfigValidator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A framework's extensions of the SDK, collected by {@link Service.Builder}.
 *
 * @param configValidators extra config update rules
 * @param planCustomizer   changes the plans built from the target config
 * @param endpoints        framework API routes: path template to GET handler
 * @param placementRules   extra hard placement rules by pod type
 * @param mesos            adjusts the Mesos backend under {@code --mesos}
 */
record Extensions(List<ConfigValidator> configValidators, PlanCustomizer planCustomizer,
        Map<String, ApiHandler> endpoints, Map<String, List<PlacementRule>> placementRules,
        Consumer<MesosBackendBuilder> mesos) {

    static final Extensions NONE = new Extensions(List.of(), PlanCustomizer.none(), Map.of(), Map.of(), mesos -> { });
}
