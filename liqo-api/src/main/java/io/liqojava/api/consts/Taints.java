package io.liqojava.api.consts;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;

/** The taint that keeps pods off virtual nodes unless they are meant to be offloaded. */
public final class Taints {

  /** Key of the virtual node taint. */
  public static final String VIRTUAL_NODE_KEY = "virtual-node.liqo.io/not-allowed";

  /** Value of the virtual node taint. */
  public static final String VIRTUAL_NODE_VALUE = "true";

  /** Effect of the virtual node taint: pods that do not tolerate it are evicted. */
  public static final String VIRTUAL_NODE_EFFECT = "NoExecute";

  private Taints() {}

  /** Returns a new {@code virtual-node.liqo.io/not-allowed=true:NoExecute} taint. */
  public static Taint virtualNode() {
    Taint taint = new Taint();
    taint.setKey(VIRTUAL_NODE_KEY);
    taint.setValue(VIRTUAL_NODE_VALUE);
    taint.setEffect(VIRTUAL_NODE_EFFECT);
    return taint;
  }

  /** Returns a new toleration of exactly the {@linkplain #virtualNode() virtual node taint}. */
  public static Toleration virtualNodeToleration() {
    Toleration toleration = new Toleration();
    toleration.setKey(VIRTUAL_NODE_KEY);
    toleration.setOperator("Equal");
    toleration.setValue(VIRTUAL_NODE_VALUE);
    toleration.setEffect(VIRTUAL_NODE_EFFECT);
    return toleration;
  }
}
