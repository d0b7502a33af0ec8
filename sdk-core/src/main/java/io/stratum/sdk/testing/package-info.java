/**
 * The framework authors' test harness: {@link io.stratum.sdk.testing.ServiceTestRunner} runs a
 * framework's {@code Service} (its spec and its Java extensions) on a simulated cluster, scripted
 * in ticks of {@link io.stratum.sdk.testing.Send} and {@link io.stratum.sdk.testing.Expect};
 * {@link io.stratum.sdk.testing.ServiceTestExtension} hands a runner to each JUnit 5 test method.
 */
package io.stratum.sdk.testing;
