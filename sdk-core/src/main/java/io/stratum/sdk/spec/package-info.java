/**
 * The service spec: {@code svc.yml} rendered (strict mustache) and read into immutable records
 * rooted at {@link io.stratum.sdk.spec.ServiceSpec}, with every problem located by file, line,
 * column and YAML path ({@link io.stratum.sdk.spec.SpecException}). {@link io.stratum.sdk.spec.SpecLoader}
 * loads specs with a framework's own {@link io.stratum.sdk.spec.SpecRule}s;
 * {@link io.stratum.sdk.spec.ConfigValidator}s say what a config update may not change.
 */
package io.stratum.sdk.spec;
