package io.liqojava.testing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds free TCP ports on the loopback interface for the components to listen on.
 *
 * <p>Ports come from {@value #FIRST}–{@value #LAST}, below Linux's default ephemeral range
 * (32768–60999), from which the kernel picks the local ports of outgoing connections: a port found
 * free there could be taken by any client connection before the component binds it. A port can
 * still be taken between the check and the bind; {@link ControlPlane} starts the component again on
 * another port when that happens.
 */
public final class Ports {

  static final int FIRST = 20000;
  static final int LAST = 32000;
  private static final int ATTEMPTS = 200;

  private Ports() {}

  /** A port that is free on 127.0.0.1 right now. */
  public static int freeLoopbackPort() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
      if (isFree(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(
        new IOException(
            "no free port on 127.0.0.1 between "
                + FIRST
                + " and "
                + LAST
                + " after "
                + ATTEMPTS
                + " tries"));
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
