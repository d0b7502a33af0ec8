/**
 * The resource model: what agents offer and what Stratum reserves, in Stratum's own terms (no
 * cluster manager's wire types).
 *
 * <p>A {@link io.stratum.sdk.resource.Resource} is a named {@link io.stratum.sdk.resource.ResourceValue}
 * (scalar, ranges or items) that is unreserved, pre-reserved for a role by the operator, or
 * dynamically reserved ({@link io.stratum.sdk.resource.Reservation}, labelled with a unique
 * {@code resource_id}); disk also has a {@link io.stratum.sdk.resource.DiskSource} (ROOT or a whole
 * MOUNT disk) and may carry a {@link io.stratum.sdk.resource.PersistentVolume}. An
 * {@link io.stratum.sdk.resource.Agent} describes the machine: hostname, zone, region and
 * {@link io.stratum.sdk.resource.AttributeValue attributes}. Everything here is an immutable value.
 */
package io.stratum.sdk.resource;
