package io.liqojava.core.agent;

import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.liqojava.core.identity.LiqoNamespace;
import io.liqojava.core.peering.Peering;
import io.liqojava.core.runtime.ServerSideApply;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's heartbeat: the Lease {@code liqo/liqo-agent}, renewed every 10 seconds, by which
 * {@code liqoctl} tells whether the agent of a cluster runs.
 */
final class AgentHeartbeat implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(AgentHeartbeat.class);
  static final Duration INTERVAL = Duration.ofSeconds(10);

  private final KubernetesClient client;
  private final String holder;
  private final ScheduledFuture<?> renewal;

  AgentHeartbeat(KubernetesClient client, String holder, ScheduledExecutorService timers) {
    this.client = client;
    this.holder = holder;
    this.renewal =
        timers.scheduleWithFixedDelay(this::renew, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void renew() {
    try {
      ServerSideApply.apply(
          client,
          new LeaseBuilder()
              .withNewMetadata()
              .withName(Peering.AGENT_LEASE)
              .withNamespace(LiqoNamespace.NAME)
              .endMetadata()
              .withNewSpec()
              .withHolderIdentity(holder)
              .withLeaseDurationSeconds((int) (3 * INTERVAL.toSeconds()))
              .withRenewTime(ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
              .endSpec()
              .build());
    } catch (KubernetesClientException e) {
      LOG.warn("cannot renew the agent heartbeat: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    renewal.cancel(false);
  }
}
