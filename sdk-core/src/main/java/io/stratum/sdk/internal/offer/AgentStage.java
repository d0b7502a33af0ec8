package io.stratum.sdk.internal.offer;

/** An instance placed before only goes back to the agent holding its reservations. */
final class AgentStage {

    private AgentStage() {}

    /** @return whether the stage passed; on false the attempt holds the reason */
    static boolean run(Attempt a) {
        String home = a.request.footprint().orElseThrow().agentId();
        if (a.ledger.agent.id().equals(home)) {
            return true;
        }
        return a.fail(() -> "agent " + a.ledger.agent.id() + " is not " + home + ", where " + a.podInstance
                + " holds its reservations");
    }
}
