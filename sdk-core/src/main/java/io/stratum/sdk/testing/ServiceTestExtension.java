package io.stratum.sdk.testing;

import io.stratum.sdk.service.Service;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that hands each test method a {@link ServiceTestRunner} for the framework's
 * own {@link Service} (a new one per method, so no state leaks between tests) and closes it after
 * the method:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ServiceTestExtension FRAMEWORK = ServiceTestExtension.of(MyFramework::service);
 *
 * @Test
 * void deploys(ServiceTestRunner runner) {
 *     runner.run(Send.offersUntilComplete("deploy", 20), Expect.planStatus("deploy", Status.COMPLETE));
 * }
 * }</pre>
 *
 * Register it as a static or an instance field; {@link #withRunner} adjusts every runner (cluster,
 * store, settings) before it is built.
 */
public final class ServiceTestExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ServiceTestExtension.class);

    private final Supplier<Service> service;
    private final UnaryOperator<ServiceTestRunner.Builder> adjust;

    private ServiceTestExtension(Supplier<Service> service, UnaryOperator<ServiceTestRunner.Builder> adjust) {
        this.service = service;
        this.adjust = adjust;
    }

    /** @return an extension whose runners run the service {@code service} supplies (called once per test method) */
    public static ServiceTestExtension of(Supplier<Service> service) {
        return new ServiceTestExtension(Objects.requireNonNull(service, "service"), builder -> builder);
    }

    /** @return this extension with {@code settings} applied to each runner's builder */
    public ServiceTestExtension withRunner(UnaryOperator<ServiceTestRunner.Builder> settings) {
        Objects.requireNonNull(settings, "settings");
        return new ServiceTestExtension(service, builder -> settings.apply(adjust.apply(builder)));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ServiceTestRunner.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Service framework = service.get();
        if (framework == null) {
            throw new ParameterResolutionException("ServiceTestExtension: the service supplier gave null");
        }
        ServiceTestRunner runner = adjust.apply(ServiceTestRunner.builder(framework)).build();
        context.getStore(NAMESPACE).put(parameter.getIndex(), runner);
        return runner;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        // the store of a method's context is the method's own; close what it handed out
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        for (int index = 0; index < context.getRequiredTestMethod().getParameterCount(); index++) {
            ServiceTestRunner runner = store.remove(index, ServiceTestRunner.class);
            if (runner != null) {
                runner.close();
            }
        }
    }
}
