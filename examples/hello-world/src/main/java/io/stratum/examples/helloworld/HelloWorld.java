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
 * {@code stratum run} ({@code java ... HelloWorld [svc.yml] --work-dir D --api-port P ...}).
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

    /** Runs hello-world: the first argument may name the spec (default {@code svc.yml}), the rest are run flags. */
    public static void main(String[] args) throws Exception {
        boolean specGiven = args.length > 0 && !args[0].startsWith("-");
        Path spec = Path.of(specGiven ? args[0] : "svc.yml");
        String[] flags = specGiven ? java.util.Arrays.copyOfRange(args, 1, args.length) : args;
        System.exit(StratumCli.run(service(spec, System.getenv()), flags));
    }
}
