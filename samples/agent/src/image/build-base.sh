#!/usr/bin/env bash
# Builds the base image of the liqo-java agent image without a registry or a container engine: a
# distroless-style Java runtime image in `docker save` format, which Jib then uses as a `tar://` base.
#
#   layer 1, the root filesystem: glibc, libgcc, libstdc++, zlib, the CA certificates and base-files
#     from the Debian (or Ubuntu) packages this machine's apt would install (`apt-get download`,
#     unpacked with `dpkg-deb -x`, no maintainer scripts run), the C.UTF-8 locale, /etc/passwd and
#     /etc/group with root, nobody and the non-root user nonroot (65532), /tmp (1777),
#     /home/nonroot (owned by 65532), /etc/nsswitch.conf, and one file per package under
#     /var/lib/dpkg/status.d/ so that image scanners (trivy, grype, ...) see the package versions;
#   layer 2, the Java runtime: `jlink` of the build JDK with only the modules the agent needs, in
#     /opt/java/openjdk (the path of the eclipse-temurin images), with a cacerts trust store made
#     from the same CA certificates.
#
# Every input is cached under --cache: the .deb files, and the finished base keyed by the package
# versions, the JDK, the module list and this script. A later build with nothing changed only
# copies the cached tarball; it needs no network. Only a missing package or an apt without package
# lists needs the Debian mirror (and `apt-get update`, as root or through sudo).
#
# Usage: build-base.sh --output FILE --jdk DIR --modules LIST --cache DIR [--base REF]
#          [--timestamp ISO-8601] [--name NAME]
#   --base REF: the base image the agent image is configured with; when it is not `tar://FILE` with
#     FILE the --output, another base was chosen (-Dagent.image.base=...) and nothing is built.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUTPUT="" JDK="" MODULES="" CACHE="" BASE="" TIMESTAMP="1970-01-01T00:00:00Z" NAME="liqo-java/agent-base:local"
# The packages of the root filesystem (the gcc-N-base package holding the GCC runtime's
# copyright is added below, its name depends on the release).
PACKAGES=(base-files libc6 libgcc-s1 libstdc++6 zlib1g ca-certificates)

say() { printf '[image-base] %s\n' "$*" >&2; }
die() { printf '[image-base] ERROR: %s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --output) OUTPUT="$2"; shift 2 ;;
    --jdk) JDK="$2"; shift 2 ;;
    --modules) MODULES="$2"; shift 2 ;;
    --cache) CACHE="$2"; shift 2 ;;
    --base) BASE="$2"; shift 2 ;;
    --timestamp) TIMESTAMP="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    *) die "unknown argument '$1'" ;;
  esac
done
[ -n "$OUTPUT" ] && [ -n "$JDK" ] && [ -n "$MODULES" ] && [ -n "$CACHE" ] \
  || die "usage: build-base.sh --output FILE --jdk DIR --modules LIST --cache DIR [--base REF]"

if [ -n "$BASE" ] && [ "$BASE" != "tar://$OUTPUT" ]; then
  say "the image is built on $BASE (agent.image.base): no local base to build"
  exit 0
fi

for tool in apt-get apt-cache dpkg dpkg-deb tar sha256sum; do
  command -v "$tool" >/dev/null || die "'$tool' is missing: the default base is assembled from Debian \
packages, which needs a Debian-like machine. Elsewhere build on a registry image instead, e.g. \
-Dagent.image.base=eclipse-temurin:17-jre"
done
[ -x "$JDK/bin/jlink" ] || die "$JDK/bin/jlink does not exist: point -Dagent.image.jdk at a JDK (not a JRE) with jmods"
[ -d "$JDK/jmods" ] || die "$JDK has no jmods directory, which jlink needs: install the full JDK \
(on Debian: openjdk-17-jdk-headless) or point -Dagent.image.jdk at one"

ARCH="$(dpkg --print-architecture)"
case "$ARCH" in
  amd64) TRIPLET=x86_64-linux-gnu; LOADER=lib64/ld-linux-x86-64.so.2 ;;
  arm64) TRIPLET=aarch64-linux-gnu; LOADER=lib/ld-linux-aarch64.so.1 ;;
  *) die "architecture $ARCH is not supported (amd64 and arm64 are)" ;;
esac
EPOCH="$(date -u -d "$TIMESTAMP" +%s)" || die "--timestamp '$TIMESTAMP' is not a date"
CREATED="$(date -u -d "@$EPOCH" +%Y-%m-%dT%H:%M:%SZ)"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# The versions apt would install now, in one apt-cache call; "" when apt has no candidate.
declare -A CANDIDATE
read_candidates() {
  CANDIDATE=()
  local name version
  while read -r name version; do CANDIDATE[$name]="$version"; done < <(apt-cache policy "$@" 2>/dev/null \
    | awk '/^[^ ].*:$/ {sub(/:$/, ""); name=$0} /^  Candidate:/ && $2 != "(none)" {print name, $2}')
}
gcc_base_of() { apt-cache depends libgcc-s1 2>/dev/null | grep -o 'gcc-[0-9]*-base' | head -1 || true; }
all_known() { local p; for p in "$@"; do [ -n "${CANDIDATE[$p]:-}" ] || return 1; done; }

gcc_base="$(gcc_base_of)"
read_candidates "${PACKAGES[@]}" libc-bin ${gcc_base:+"$gcc_base"}
if [ -z "$gcc_base" ] || ! all_known "${PACKAGES[@]}" libc-bin "$gcc_base"; then
  say "apt knows no candidate for some of ${PACKAGES[*]}: running apt-get update"
  as_root apt-get update -qq >/dev/null || die "apt-get update failed (run it as root, or with sudo)"
  gcc_base="$(gcc_base_of)"
  [ -n "$gcc_base" ] || die "apt-cache cannot resolve libgcc-s1's dependencies"
  read_candidates "${PACKAGES[@]}" libc-bin "$gcc_base"
fi
PACKAGES+=("$gcc_base")
all_known "${PACKAGES[@]}" libc-bin || die "apt has no candidate for one of ${PACKAGES[*]} libc-bin"
VERSIONS=()
for p in "${PACKAGES[@]}"; do VERSIONS+=("$p=${CANDIDATE[$p]}"); done
# The C.UTF-8 locale comes from libc-bin (only that directory is taken).
LOCALE_PACKAGE="libc-bin=${CANDIDATE[libc-bin]}"

# The key of a finished base: everything that goes into it.
KEY="$( {
  printf '%s\n' "${VERSIONS[@]}" "$LOCALE_PACKAGE" "arch=$ARCH" "modules=$MODULES" "created=$CREATED" "name=$NAME"
  cat "$JDK/release"
  cat "${BASH_SOURCE[0]}" "$HERE/TrustStore.java"
} | sha256sum | cut -c1-16)"
CACHED="$CACHE/base-$KEY.tar"
mkdir -p "$(dirname "$OUTPUT")" "$CACHE/debs"
if [ -s "$CACHED" ]; then
  say "reusing the cached base $CACHED"
  ln -f "$CACHED" "$OUTPUT" 2>/dev/null || cp -f "$CACHED" "$OUTPUT"
  exit 0
fi

deb_file() { # name=version -> the path apt-get download writes
  local name="${1%%=*}" version="${1#*=}"
  local arch; arch="$(apt-cache show --no-all-versions "$name=$version" | awk '/^Architecture:/ {print $2; exit}')"
  printf '%s/debs/%s_%s_%s.deb' "$CACHE" "$name" "${version//:/%3a}" "$arch"
}
fetch=()
for pv in "${VERSIONS[@]}" "$LOCALE_PACKAGE"; do [ -s "$(deb_file "$pv")" ] || fetch+=("$pv"); done
download() {
  local out status=0
  out="$(cd "$CACHE/debs" && apt-get download -q "$@" 2>&1)" || status=$?
  printf '%s\n' "$out" | grep -v '^W: Download is performed unsandboxed' >&2 || true
  return $status
}
if [ ${#fetch[@]} -gt 0 ]; then
  say "downloading ${fetch[*]}"
  if ! download "${fetch[@]}"; then
    # Package lists older than the mirror name files it no longer has.
    say "apt-get download failed: running apt-get update and trying again"
    as_root apt-get update -qq >/dev/null || die "apt-get update failed (run it as root, or with sudo)"
    download "${fetch[@]}" || die "apt-get download ${fetch[*]} failed"
  fi
  for pv in "${fetch[@]}"; do [ -s "$(deb_file "$pv")" ] || die "apt-get download did not produce $(deb_file "$pv")"; done
fi

WORK="$(mktemp -d "$CACHE/build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
ROOTFS="$WORK/rootfs" JRE_LAYER="$WORK/jre" ARCHIVE="$WORK/archive"
mkdir -p "$ROOTFS" "$JRE_LAYER/opt/java" "$ARCHIVE"

say "unpacking ${VERSIONS[*]}"
mkdir -p "$ROOTFS/var/lib/dpkg/status.d"
for pv in "${VERSIONS[@]}"; do
  deb="$(deb_file "$pv")"
  dpkg-deb -x "$deb" "$ROOTFS"
  { dpkg-deb -f "$deb"; echo "Status: install ok installed"; } > "$ROOTFS/var/lib/dpkg/status.d/${pv%%=*}"
done
locale_dir="$WORK/libc-bin"
dpkg-deb -x "$(deb_file "$LOCALE_PACKAGE")" "$locale_dir"
mkdir -p "$ROOTFS/usr/lib/locale"
cp -a "$locale_dir/usr/lib/locale/C.utf8" "$ROOTFS/usr/lib/locale/"

# What a JVM never uses: iconv modules, debugger helpers, documentation but the copyright files.
rm -rf "$ROOTFS/usr/lib/$TRIPLET/gconv" "$ROOTFS/usr/share/gdb" "$ROOTFS/usr/share/gcc" \
  "$ROOTFS/usr/share/lintian" "$ROOTFS/usr/share/man" "$ROOTFS/usr/share/info" \
  "$ROOTFS/etc/update-motd.d"
find "$ROOTFS/usr/share/doc" -type f ! -name copyright -delete
find "$ROOTFS/usr/share/doc" -mindepth 1 -type d -empty -delete

# Users, name service, writable directories.
install -d -m 0755 "$ROOTFS/etc" "$ROOTFS/home" "$ROOTFS/etc/ssl/certs"
printf '%s\n' 'root:x:0:0:root:/root:/sbin/nologin' \
  'nobody:x:65534:65534:nobody:/nonexistent:/sbin/nologin' \
  'nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin' > "$ROOTFS/etc/passwd"
printf '%s\n' 'root:x:0:' 'nobody:x:65534:' 'nonroot:x:65532:' > "$ROOTFS/etc/group"
printf '%s\n' 'passwd: files' 'group: files' 'shadow: files' 'hosts: files dns' \
  'networks: files' 'protocols: files' 'services: files' > "$ROOTFS/etc/nsswitch.conf"
chmod 0644 "$ROOTFS/etc/passwd" "$ROOTFS/etc/group" "$ROOTFS/etc/nsswitch.conf"
install -d -m 1777 "$ROOTFS/tmp"
install -d -m 0700 "$ROOTFS/root" "$ROOTFS/home/nonroot"
# The CA bundle update-ca-certificates would write (maintainer scripts do not run here).
find "$ROOTFS/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
chmod 0644 "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
[ -s "$ROOTFS/etc/ssl/certs/ca-certificates.crt" ] || die "no CA certificate found in the ca-certificates package"

say "linking a Java runtime from $JDK with $MODULES"
JAVA_HOME_IMAGE=/opt/java/openjdk
"$JDK/bin/jlink" --add-modules "$MODULES" --strip-debug --no-man-pages --no-header-files \
  --compress=0 --output "$JRE_LAYER$JAVA_HOME_IMAGE" >&2
# The layers are compressed as a whole; uncompressed modules make the smaller layer and start faster.
"$JDK/bin/java" "$HERE/TrustStore.java" "$JRE_LAYER$JAVA_HOME_IMAGE/lib/security/cacerts" \
  "$ROOTFS/usr/share/ca-certificates" >&2

# Every native library of the runtime must resolve inside the image, not on this machine.
say "checking the runtime's shared libraries against the root filesystem"
libpath="$ROOTFS/lib/$TRIPLET:$ROOTFS/usr/lib/$TRIPLET:$JRE_LAYER$JAVA_HOME_IMAGE/lib:$JRE_LAYER$JAVA_HOME_IMAGE/lib/server"
while IFS= read -r elf; do
  out="$("$ROOTFS/$LOADER" --inhibit-cache --library-path "$libpath" --list "$elf" 2>&1)" \
    || die "cannot resolve the libraries of ${elf#"$JRE_LAYER"}: $out"
  bad="$(printf '%s\n' "$out" | awk '/=>/ && $3 != "" && $3 !~ /^\(/ {print $3}' \
    | grep -v -e "^$ROOTFS/" -e "^$JRE_LAYER/" || true)"
  missing="$(printf '%s\n' "$out" | grep 'not found' || true)"
  [ -z "$missing$bad" ] || die "${elf#"$JRE_LAYER"} needs libraries the image lacks: ${missing}${bad}
add the Debian packages that hold them to PACKAGES in $0"
done < <(find "$JRE_LAYER$JAVA_HOME_IMAGE" -type f \( -name '*.so' -o -path '*/bin/*' -o -name jspawnhelper \))

# Reproducible layers: sorted, fixed times, numeric owners (root, but /home/nonroot is 65532's).
layer_tar() { # dir out [exclude]
  local dir="$1" out="$2"
  local common=(--format=gnu --sort=name --mtime="@$EPOCH" --numeric-owner --no-recursion)
  (cd "$dir" && find . -mindepth 1 -printf '%P\n' | grep -v '^home/nonroot$' | LC_ALL=C sort \
    | tar "${common[@]}" --owner=0 --group=0 -cf "$out" -T -)
  if [ -d "$dir/home/nonroot" ]; then
    (cd "$dir" && tar "${common[@]}" --owner=65532 --group=65532 -rf "$out" home/nonroot)
  fi
}
layer_tar "$ROOTFS" "$WORK/rootfs.tar"
layer_tar "$JRE_LAYER" "$WORK/jre.tar"

diff_ids=() layers=()
for l in rootfs jre; do
  sum="$(sha256sum "$WORK/$l.tar" | cut -d' ' -f1)"
  mkdir -p "$ARCHIVE/$sum"
  mv "$WORK/$l.tar" "$ARCHIVE/$sum/layer.tar"
  diff_ids+=("\"sha256:$sum\"")
  layers+=("\"$sum/layer.tar\"")
done
os_release="$(. "$ROOTFS/usr/lib/os-release" && printf '%s %s' "$NAME" "${VERSION_ID:-}")"
java_version="$(. "$JRE_LAYER$JAVA_HOME_IMAGE/release" && printf '%s' "$JAVA_VERSION")"
join() { local IFS=,; printf '%s' "$*"; }
packages_text="$(printf '%s ' "${VERSIONS[@]}" "${LOCALE_PACKAGE} (C.utf8 locale only)")"
config="$(cat <<JSON
{"architecture":"$ARCH","os":"linux","created":"$CREATED",
"config":{"User":"65532:65532","WorkingDir":"/home/nonroot",
"Env":["PATH=$JAVA_HOME_IMAGE/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$JAVA_HOME_IMAGE","JAVA_VERSION=$java_version","LANG=C.UTF-8","SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt"],
"Labels":{"org.opencontainers.image.title":"liqo-java agent base","org.opencontainers.image.description":"Distroless-style Java $java_version runtime on $os_release packages, built by liqo-java"}},
"rootfs":{"type":"layers","diff_ids":[$(join "${diff_ids[@]}")]},
"history":[{"created":"$CREATED","created_by":"build-base.sh: dpkg-deb -x ${packages_text% }","comment":"root filesystem"},
{"created":"$CREATED","created_by":"build-base.sh: jlink --add-modules $MODULES --strip-debug --no-man-pages --no-header-files --compress=0","comment":"Java $java_version runtime"}]}
JSON
)"
config_sum="$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)"
printf '%s' "$config" > "$ARCHIVE/$config_sum.json"
printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":[%s]}]' "$config_sum" "$NAME" "$(join "${layers[@]}")" \
  > "$ARCHIVE/manifest.json"
(cd "$ARCHIVE" && find . -mindepth 1 -printf '%P\n' | LC_ALL=C sort \
  | tar --format=gnu --no-recursion --sort=name --mtime="@$EPOCH" --owner=0 --group=0 --numeric-owner -cf "$WORK/base.tar" -T -)
mv "$WORK/base.tar" "$CACHED"
# Older bases of this cache are not needed any more.
find "$CACHE" -maxdepth 1 -name 'base-*.tar' ! -name "base-$KEY.tar" -delete
ln -f "$CACHED" "$OUTPUT" 2>/dev/null || cp -f "$CACHED" "$OUTPUT"
say "built $OUTPUT ($(du -h "$OUTPUT" | cut -f1), Java $java_version on $os_release; cached as $CACHED)"
