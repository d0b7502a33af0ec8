/**
 * Config templates rendered for a task at launch, shared by the backends that launch tasks.
 * Public but unsupported: framework authors must not use it.
 */
package io.stratum.sdk.internal.config;
