package io.stratum.sdk.internal.offer;

/** An instance placed before only goes back to the agent holding its reservations. */
final class AgentStage implements Stage {

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public boolean run(Attempt a) {
        String home = a.request.footprint().orElseThrow().agentId();
        if (a.ledger.agent.id().equals(home)) {
            return true;
        }
        return a.fail(() -> "agent " + a.ledger.agent.id() + " is not " + home + ", where " + a.podInstance
                + " holds its reservations");
    }
}
