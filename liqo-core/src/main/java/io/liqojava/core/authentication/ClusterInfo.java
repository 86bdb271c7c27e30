package io.liqojava.core.authentication;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who serves an authentication service, as {@code GET /ids} answers: lets a consumer check that an
 * auth URL belongs to the cluster it means to peer with before sending anything.
 *
 * @param clusterId the cluster ID
 * @param clusterName the cluster name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterInfo(
    @JsonProperty("clusterID") String clusterId, @JsonProperty("clusterName") String clusterName) {}
