package io.liqojava.core.authentication;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running HTTPS server with a fixed pool of request threads: what the authentication service and
 * the admission webhooks serve on. It presents the certificate it is given, or else a self-signed
 * certificate generated at start. When every thread is busy and the queue is full, the accepting
 * thread serves the request itself, which pushes back on clients.
 */
public final class HttpsEndpoint implements AutoCloseable {

  private static final int QUEUED_REQUESTS = 64;
  private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);

  /**
   * What to serve on.
   *
   * @param purpose what the server is for, in error messages ("the webhooks")
   * @param commonName the certificate's common name, also the prefix of the thread names
   * @param bindAddress the IP address to listen on; {@code 0.0.0.0} for all
   * @param port the port; 0 picks a free one
   * @param advertisedHost the host clients use; when empty, the bind address (loopback for all)
   * @param extraNames more names for the certificate (DNS names or IP literals)
   * @param workerThreads the threads serving requests
   * @param portHint how to choose another address, in the error when binding fails
   * @param certificate the certificate to present; when empty, a self-signed one is generated for
   *     the bind address, the advertised host, {@code localhost}, {@code 127.0.0.1} and {@code
   *     extraNames}
   */
  public record Spec(
      String purpose,
      String commonName,
      String bindAddress,
      int port,
      Optional<String> advertisedHost,
      Collection<String> extraNames,
      int workerThreads,
      String portHint,
      Optional<ServingCertificate> certificate) {}

  private final HttpsServer server;
  private final ThreadPoolExecutor executor;
  private final X509Certificate certificate;
  private final URI url;

  private HttpsEndpoint(
      HttpsServer server, ThreadPoolExecutor executor, X509Certificate certificate, URI url) {
    this.server = server;
    this.executor = executor;
    this.certificate = certificate;
    this.url = url;
  }

  /**
   * Generates the certificate unless one is given, binds the address and serves every path with
   * {@code handler}.
   *
   * @throws IllegalArgumentException when the bind address cannot be resolved
   * @throws UncheckedIOException when the address cannot be bound
   */
  public static HttpsEndpoint start(Spec spec, HttpHandler handler) {
    InetSocketAddress bind = new InetSocketAddress(spec.bindAddress(), spec.port());
    if (bind.isUnresolved()) {
      throw new IllegalArgumentException(
          "the bind address '"
              + spec.bindAddress()
              + "' of "
              + spec.purpose()
              + " cannot be resolved: use an IP address of this host");
    }
    boolean allAddresses = bind.getAddress().isAnyLocalAddress();
    String advertised =
        spec.advertisedHost()
            .orElse(
                allAddresses
                    ? InetAddress.getLoopbackAddress().getHostAddress()
                    : spec.bindAddress());
    ServingCertificate serving =
        spec.certificate().orElseGet(() -> selfSigned(spec, allAddresses, advertised));
    AtomicInteger threads = new AtomicInteger();
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            spec.workerThreads(),
            spec.workerThreads(),
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUED_REQUESTS),
            r -> {
              Thread thread = new Thread(r, spec.commonName() + "-" + threads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    try {
      HttpsServer server = HttpsServer.create(bind, 50);
      server.setHttpsConfigurator(
          new HttpsConfigurator(Pki.serverSslContext(serving.key(), serving.chain())));
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
      HttpsEndpoint endpoint = new HttpsEndpoint(server, executor, serving.certificate(), null);
      try {
        return new HttpsEndpoint(
            server,
            executor,
            serving.certificate(),
            url(advertised, server.getAddress().getPort()));
      } catch (IllegalArgumentException e) {
        endpoint.close();
        throw e;
      }
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "cannot listen on "
              + spec.bindAddress()
              + ":"
              + spec.port()
              + " for "
              + spec.purpose()
              + ": "
              + e.getMessage()
              + " ("
              + spec.portHint()
              + ")",
          e);
    }
  }

  private static ServingCertificate selfSigned(Spec spec, boolean allAddresses, String advertised) {
    Set<String> names = new LinkedHashSet<>();
    if (!allAddresses) {
      names.add(spec.bindAddress());
    }
    names.add(advertised);
    names.add("localhost");
    names.add("127.0.0.1");
    names.addAll(spec.extraNames());
    KeyPair keys = Pki.newKeyPair();
    X509Certificate certificate =
        Pki.selfSignedServer(spec.commonName(), keys, names, CERTIFICATE_VALIDITY);
    return new ServingCertificate(keys.getPrivate(), List.of(certificate), Pki.toPem(certificate));
  }

  private static URI url(String host, int port) {
    String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    try {
      return new URI("https://" + literal + ":" + port);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the advertised host '" + host + "' is not valid", e);
    }
  }

  /** The URL clients reach the server at, such as {@code https://127.0.0.1:41235}. */
  public URI url() {
    return url;
  }

  /** The certificate the server presents (the first of its chain). */
  public X509Certificate certificate() {
    return certificate;
  }

  /** Stops accepting and lets requests in flight finish for up to a few seconds. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
