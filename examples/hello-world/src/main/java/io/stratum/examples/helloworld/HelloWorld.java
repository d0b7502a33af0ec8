package io.stratum.examples.helloworld;

import io.stratum.sdk.cli.StratumCli;
import io.stratum.sdk.service.Service;
import io.stratum.sdk.spec.ServiceSpec;
import io.stratum.sdk.spec.SpecException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The smallest framework: hello-world's spec plus the framework's own config rule ({@link OneHello})
 * and plan ({@link GreetPlan}), run with the flags of
 * {@code stratum run} ({@code ./stratum run examples/hello-world --work-dir D --api-port P ...}),
 * updated ({@code ./stratum update examples/hello-world [SPEC]}: the scheduler applies
 * {@link OneHello}), validated and uninstalled the same way.
 */
public final class HelloWorld {
    private HelloWorld() {}

    /** @return the framework for the spec in {@code specFile}, rendered with {@code env} */
    public static Service service(Path specFile, Map<String, String> env) throws IOException, SpecException {
        return Service.builder(ServiceSpec.load(specFile, env))
                .configValidator(new OneHello())
                .planCustomizer(new GreetPlan())
                .build();
    }

    /**
     * Runs a command of hello-world ({@code ./stratum run|validate|update|uninstall examples/hello-world}):
     * the command ({@code run} unless given), optionally the spec (default {@code svc.yml}), then
     * {@code --env K=V} for its template variables and the command's flags.
     */
    public static void main(String[] args) {
        System.exit(StratumCli.run(Path.of("svc.yml"), HelloWorld::service, args));
    }
}
