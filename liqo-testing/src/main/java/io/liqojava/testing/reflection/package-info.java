/**
 * Contract tests for reflector plugins: extend {@link
 * io.liqojava.testing.reflection.ReflectorContractTest} to check a {@link
 * io.liqojava.reflection.spi.ReflectorProvider} against two real clusters.
 */
package io.liqojava.testing.reflection;
