#!/usr/bin/env bash
# Provisions the Kubernetes control-plane binaries the liqo-java test bed runs:
# kube-apiserver, kube-controller-manager, kube-scheduler, kubectl and etcd.
#
# Destination: $LIQO_K8S_BIN_DIR (default: ~/.cache/liqo-java/k8s/bin). The test bed and
# ./local-clusters look there. A second run with everything present does nothing.
#
# Sources, in order (override with LIQO_K8S_SOURCE=release|debian):
#   1. official release binaries (Kubernetes $LIQO_K8S_RELEASE_VERSION, etcd $LIQO_ETCD_RELEASE_VERSION),
#      when they can be downloaded;
#   2. Debian bookworm's `kubernetes` source package (Kubernetes 1.20.2), built offline with Go,
#      plus etcd from Debian's `etcd-server` package. Takes about 5 minutes on 2 cores.
set -euo pipefail

BIN_DIR="${LIQO_K8S_BIN_DIR:-$HOME/.cache/liqo-java/k8s/bin}"
SOURCE="${LIQO_K8S_SOURCE:-auto}"
RELEASE_VERSION="${LIQO_K8S_RELEASE_VERSION:-v1.31.4}"
ETCD_RELEASE_VERSION="${LIQO_ETCD_RELEASE_VERSION:-v3.5.17}"
BUILD_ROOT="${LIQO_K8S_BUILD_DIR:-$HOME/.cache/liqo-java/k8s/build}"
COMPONENTS=(kube-apiserver kube-controller-manager kube-scheduler kubectl etcd)
# Bumped whenever the Debian build recipe changes, so that binaries built by an older recipe are
# rebuilt. 2: vendored reflect2 replaced by 1.0.2 (1.0.1 crashes kube-apiserver under Go >= 1.18).
DEBIAN_RECIPE=2

say() { printf '[provision] %s\n' "$*" >&2; }
die() { printf '[provision] ERROR: %s\n' "$*" >&2; exit 1; }

complete() {
  local c
  for c in "${COMPONENTS[@]}"; do [ -x "$BIN_DIR/$c" ] || return 1; done
  [ -s "$BIN_DIR/VERSION" ] || return 1
  # Binaries from an older Debian build recipe are known to be broken: rebuild them.
  if grep -q 'source=debian' "$BIN_DIR/VERSION" && ! grep -q "recipe=${DEBIAN_RECIPE}\b" "$BIN_DIR/VERSION"; then
    say "the binaries in $BIN_DIR come from an older build recipe; rebuilding them"
    return 1
  fi
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  local missing=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing packages ${missing[*]} and no apt-get to install them; install them by hand"
  if [ $apt_updated -eq 0 ]; then
    say "apt-get update"
    as_root apt-get update -qq >/dev/null
    apt_updated=1
  fi
  say "installing Debian packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

try_release() {
  command -v curl >/dev/null || return 1
  local base="https://dl.k8s.io/release/${RELEASE_VERSION}/bin/linux/amd64"
  local tmp; tmp=$(mktemp -d)
  say "trying official release binaries Kubernetes ${RELEASE_VERSION}, etcd ${ETCD_RELEASE_VERSION}"
  if ! curl -fsSL --connect-timeout 5 --max-time 20 -o "$tmp/kubectl" "$base/kubectl" 2>/dev/null; then
    say "release binaries cannot be downloaded here; falling back to building from Debian's source package"
    rm -rf "$tmp"; return 1
  fi
  local c download=(-fsSL)
  [ -t 2 ] && download=(-fSL --progress-bar)   # a progress bar per file on a terminal
  for c in kube-apiserver kube-controller-manager kube-scheduler; do
    say "downloading $c"
    curl "${download[@]}" --connect-timeout 5 --retry 2 -o "$tmp/$c" "$base/$c" || { rm -rf "$tmp"; return 1; }
  done
  say "downloading etcd"
  curl "${download[@]}" --connect-timeout 5 --retry 2 -o "$tmp/etcd.tgz" \
    "https://github.com/etcd-io/etcd/releases/download/${ETCD_RELEASE_VERSION}/etcd-${ETCD_RELEASE_VERSION}-linux-amd64.tar.gz" \
    || { rm -rf "$tmp"; return 1; }
  tar -xzf "$tmp/etcd.tgz" -C "$tmp" --strip-components=1 "etcd-${ETCD_RELEASE_VERSION}-linux-amd64/etcd"
  mkdir -p "$BIN_DIR"
  for c in "${COMPONENTS[@]}"; do install -m 0755 "$tmp/$c" "$BIN_DIR/$c"; done
  echo "kubernetes=${RELEASE_VERSION#v} etcd=${ETCD_RELEASE_VERSION#v} source=release" > "$BIN_DIR/VERSION"
  rm -rf "$tmp"
}

build_from_debian() {
  command -v apt-get >/dev/null || die "cannot download release binaries and this is not a Debian-based machine; \
place kube-apiserver, kube-controller-manager, kube-scheduler, kubectl and etcd into $BIN_DIR by hand"
  local src_list=/etc/apt/sources.list.d/liqo-java-bookworm-src.sources
  if ! grep -rqs '^deb-src .*bookworm' /etc/apt/sources.list /etc/apt/sources.list.d/ \
      && ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/; then
    say "adding a deb-src entry for bookworm ($src_list)"
    local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
    {
      echo "Types: deb-src"
      echo "URIs: http://deb.debian.org/debian"
      echo "Suites: bookworm"
      echo "Components: main"
      [ -f "$keyring" ] && echo "Signed-By: $keyring"
    } | as_root tee "$src_list" >/dev/null
    apt_updated=0
  fi
  apt_install golang-go rsync jq make etcd-server dpkg-dev golang-github-modern-go-reflect2-dev
  if [ $apt_updated -eq 0 ]; then say "apt-get update"; as_root apt-get update -qq >/dev/null; apt_updated=1; fi

  local gopath="$BUILD_ROOT/gopath"
  local tree="$gopath/src/k8s.io/kubernetes"
  if [ ! -f "$tree/Makefile" ]; then
    say "fetching Debian's kubernetes source package (about 40 MB)"
    rm -rf "$BUILD_ROOT/src"; mkdir -p "$BUILD_ROOT/src" "$gopath/src/k8s.io"
    (cd "$BUILD_ROOT/src" && apt-get source -qq kubernetes >/dev/null 2>&1) \
      || die "apt-get source kubernetes failed: check that a deb-src entry for bookworm is configured"
    local dir; dir=$(find "$BUILD_ROOT/src" -maxdepth 1 -mindepth 1 -type d -name 'kubernetes-*' | head -1)
    [ -n "$dir" ] || die "the kubernetes source package unpacked to an unexpected layout in $BUILD_ROOT/src"
    rm -rf "$tree"; mv "$dir" "$tree"
  fi
  # Kubernetes 1.20 vendors reflect2 1.0.1, whose map iteration corrupts memory under Go >= 1.18:
  # kube-apiserver dies with SIGSEGV on the first custom resource it stores. 1.0.2 is the fix, with
  # the same API; Debian ships it.
  local reflect2_src=/usr/share/gocode/src/github.com/modern-go/reflect2
  local reflect2_dst="$tree/vendor/github.com/modern-go/reflect2"
  [ -f "$reflect2_src/go_above_118.go" ] || die "$reflect2_src lacks go_above_118.go: golang-github-modern-go-reflect2-dev >= 1.0.2 is needed"
  if [ ! -f "$reflect2_dst/go_above_118.go" ]; then
    say "replacing the vendored github.com/modern-go/reflect2 1.0.1 with Debian's 1.0.2"
    rm -rf "$reflect2_dst"; mkdir -p "$reflect2_dst"
    find "$reflect2_src" -maxdepth 1 -type f \( -name '*.go' -o -name '*.s' -o -name LICENSE \) \
      ! -name '*_test.go' -exec cp {} "$reflect2_dst/" \;
    rm -rf "$tree/_output"
  fi
  # A make run without rsync leaves a zero-byte generator behind that breaks later runs.
  if [ -e "$tree/_output/bin/prerelease-lifecycle-gen" ] && [ ! -s "$tree/_output/bin/prerelease-lifecycle-gen" ]; then
    rm -rf "$tree/_output"
  fi
  say "building kube-apiserver, kube-controller-manager, kube-scheduler and kubectl with $(go version | awk '{print $3}')"
  say "this takes about 5 minutes on 2 cores and happens once; the log is $BUILD_ROOT/build.log"
  local start=$SECONDS
  (
    cd "$tree"
    export GOPATH="$gopath" CGO_ENABLED=0 GO111MODULE=off GOFLAGS=-mod=vendor GOCACHE="$BUILD_ROOT/gocache"
    unset GOFLAGS
    make WHAT="cmd/kube-apiserver cmd/kube-controller-manager cmd/kube-scheduler cmd/kubectl" >"$BUILD_ROOT/build.log" 2>&1
  ) &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    sleep 15
    kill -0 "$pid" 2>/dev/null && say "still building... $((SECONDS - start))s elapsed ($(tail -n 1 "$BUILD_ROOT/build.log" 2>/dev/null | cut -c1-100))"
  done
  wait "$pid" || { tail -n 30 "$BUILD_ROOT/build.log" >&2; die "the Kubernetes build failed; see $BUILD_ROOT/build.log"; }
  say "build finished in $((SECONDS - start))s"
  local out="$tree/_output/bin"
  mkdir -p "$BIN_DIR"
  local c
  for c in kube-apiserver kube-controller-manager kube-scheduler kubectl; do
    [ -x "$out/$c" ] || die "the build did not produce $out/$c; see $BUILD_ROOT/build.log"
    install -m 0755 "$out/$c" "$BIN_DIR/$c"
  done
  install -m 0755 "$(command -v etcd || echo /usr/bin/etcd)" "$BIN_DIR/etcd"
  local kver etcdver
  kver=$("$BIN_DIR/kube-apiserver" --version 2>/dev/null | awk '{print $2}')
  etcdver=$("$BIN_DIR/etcd" --version 2>/dev/null | awk '/etcd Version/ {print $3}')
  echo "kubernetes=${kver#v} etcd=${etcdver:-unknown} source=debian recipe=${DEBIAN_RECIPE}" > "$BIN_DIR/VERSION"
}

if complete; then
  say "control-plane binaries already present in $BIN_DIR ($(cat "$BIN_DIR/VERSION")); nothing to do"
  exit 0
fi

say "provisioning Kubernetes control-plane binaries into $BIN_DIR"
case "$SOURCE" in
  release) try_release || die "could not download the official release binaries" ;;
  debian)  build_from_debian ;;
  auto)    try_release || build_from_debian ;;
  *)       die "LIQO_K8S_SOURCE must be auto, release or debian (was '$SOURCE')" ;;
esac
complete || die "provisioning ended without all of ${COMPONENTS[*]} in $BIN_DIR"
say "ready: $BIN_DIR ($(cat "$BIN_DIR/VERSION"))"
