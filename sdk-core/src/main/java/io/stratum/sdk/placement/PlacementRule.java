package io.stratum.sdk.placement;

import io.stratum.sdk.resource.Agent;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A hard placement rule: may an instance of a pod type go on an agent, given where the instances
 * of every pod type already are? Rules compose with {@link #allOf}, {@link #anyOf} and
 * {@link #not}; {@link #of(PlacementSpec)} turns a pod's Marathon constraints into one.
 *
 * <p>Counting rules ({@link #maxPer}, {@link #roundRobin}, {@link #cluster}, {@link #avoid},
 * {@link #colocate}) count pod instances in the {@link PlacementState}. Rules apply to new pod
 * instances and to permanent replacements; a pod instance relaunched in place is not re-checked.
 *
 * <p>Implementations are extension points for framework authors: they must be stateless (or at
 * least thread-safe) and fast, as a rule may be asked about every agent for every pod instance.
 * {@link #evaluate} is the hot path and must not build text; {@link #explain} is called only to
 * describe a rejection. A rule that throws fails the evaluation of that offer.
 */
public interface PlacementRule {

    /**
     * @param podType the pod type being placed
     * @param agent   the candidate agent
     * @param state   where instances are now (excluding the instance being replaced, if any)
     * @return whether the agent may host the instance; see {@link Verdict#EXCLUDE} for its promise
     */
    Verdict evaluate(String podType, Agent agent, PlacementState state);

    /**
     * Says, for a person, why this rule rejects {@code agent}; called only after {@link #evaluate}
     * did not allow it.
     *
     * @return a reason such as {@code ["hostname","UNIQUE"]: hostname a3 already has 1 instance of node}
     */
    default String explain(String podType, Agent agent, PlacementState state) {
        return describe() + ": rejects agent " + agent.hostname();
    }

    /** @return the rule as a person reads it, e.g. {@code ["rack","LIKE","r[1-3]"]} */
    default String describe() {
        return getClass().getSimpleName();
    }

    /** @return the rule that allows every agent */
    static PlacementRule anywhere() {
        return CompositeRule.ANYWHERE;
    }

    /** @return a rule allowing an agent when every one of {@code rules} does */
    static PlacementRule allOf(PlacementRule... rules) {
        return allOf(List.of(rules));
    }

    /** @return a rule allowing an agent when every one of {@code rules} does (all, if empty) */
    static PlacementRule allOf(List<PlacementRule> rules) {
        return rules.isEmpty() ? CompositeRule.ANYWHERE : rules.size() == 1 ? rules.get(0) : new CompositeRule(rules, true);
    }

    /** @return a rule allowing an agent when at least one of {@code rules} does (none, if empty) */
    static PlacementRule anyOf(PlacementRule... rules) {
        return new CompositeRule(List.of(rules), false);
    }

    /** @return a rule allowing exactly the agents {@code rule} does not */
    static PlacementRule not(PlacementRule rule) {
        return new NotRule(rule);
    }

    /** @return a rule allowing agents whose {@code field} fully matches {@code regex} */
    static PlacementRule matching(Field field, String regex) {
        return MatchRule.regex(field, Pattern.compile(regex));
    }

    /** @return a rule allowing agents whose {@code field} equals {@code value} */
    static PlacementRule equalTo(Field field, String value) {
        return MatchRule.exact(field, value);
    }

    /** @return a rule allowing agents whose hostname fully matches {@code regex} */
    static PlacementRule hostname(String regex) {
        return matching(Field.hostname(), regex);
    }

    /** @return a rule allowing agents whose zone fully matches {@code regex} */
    static PlacementRule zone(String regex) {
        return matching(Field.zone(), regex);
    }

    /** @return a rule allowing agents whose region fully matches {@code regex} */
    static PlacementRule region(String regex) {
        return matching(Field.region(), regex);
    }

    /** @return a rule allowing agents whose attribute {@code name} fully matches {@code regex} */
    static PlacementRule attribute(String name, String regex) {
        return matching(Field.attribute(name), regex);
    }

    /** @return a rule allowing at most {@code max} instances of the pod type per value of {@code field} */
    static PlacementRule maxPer(Field field, int max) {
        return new MaxPerRule(field, max, "at most " + max + " per " + FieldValues.describe(field));
    }

    /** @return a rule allowing one instance of the pod type per value of {@code field} */
    static PlacementRule unique(Field field) {
        return new MaxPerRule(field, 1, "unique " + FieldValues.describe(field));
    }

    /**
     * @param expectedValues how many values the field has in the cluster, or 0 if unknown: with
     *     fewer known, unused values are filled first
     * @return a rule spreading instances of the pod type evenly over the values of {@code field}:
     *     an agent is allowed when its value holds no more instances than the emptiest value
     */
    static PlacementRule roundRobin(Field field, int expectedValues) {
        return new RoundRobinRule(field, expectedValues,
                "round-robin over " + FieldValues.describe(field));
    }

    /** @return a rule keeping every instance of the pod type on one value of {@code field}, the first one used */
    static PlacementRule cluster(Field field) {
        return new ClusterRule(field, "cluster on one " + FieldValues.describe(field));
    }

    /** @return a rule keeping the pod type off agents that run an instance of {@code otherPodType} */
    static PlacementRule avoid(String otherPodType) {
        return PodTypeRule.avoid(otherPodType, Field.hostname());
    }

    /** @return a rule keeping the pod type off values of {@code field} that hold an instance of {@code otherPodType} */
    static PlacementRule avoid(String otherPodType, Field field) {
        return PodTypeRule.avoid(otherPodType, field);
    }

    /** @return a rule placing the pod type only on agents that run an instance of {@code otherPodType} */
    static PlacementRule colocate(String otherPodType) {
        return PodTypeRule.colocate(otherPodType, Field.hostname());
    }

    /** @return a rule placing the pod type only on values of {@code field} that hold an instance of {@code otherPodType} */
    static PlacementRule colocate(String otherPodType, Field field) {
        return PodTypeRule.colocate(otherPodType, field);
    }

    /** @return the rule of one Marathon constraint, e.g. {@code hostname:UNIQUE} as {@link #unique} */
    static PlacementRule of(PlacementConstraint constraint) {
        return ConstraintRules.of(constraint);
    }

    /** @return a rule requiring every constraint of {@code spec}; {@link #anywhere()} if it is empty */
    static PlacementRule of(PlacementSpec spec) {
        return allOf(spec.constraints().stream().map(ConstraintRules::of).toList());
    }
}
