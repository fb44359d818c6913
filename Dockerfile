# meetingd container image: build stage with the -dev packages, runtime stage
# with only the four runtime libraries and the binary (glibc's iconv modules,
# WINDOWS-1258 among them, come with libc6).
#
#   make image                       # buildah (or docker where an engine runs)
#   podman run --rm -p 8080:8080 --read-only --cap-drop=ALL \
#       --security-opt no-new-privileges meetingd:latest
#
# Configuration is by MEETINGD_* environment variables (see `meetingd --help`
# or the README), e.g. -e MEETINGD_TRUSTED_PROXIES=10.0.0.0/8. The process
# writes no files: the access log is JSON lines on stdout, messages on stderr,
# so a read-only root file system works.

# ---- build ------------------------------------------------------------------
FROM debian:bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      gcc libc6-dev make pkg-config \
      libmicrohttpd-dev libjansson-dev libutf8proc-dev libxml2-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# .dockerignore lets in only what `make` needs (no build dirs, no .git)
COPY . .
# the revision `meetingd --version` prints; .git is not in the build context
ARG MEETINGD_REVISION=unknown
RUN make BUILD=build-image GIT_REV="$MEETINGD_REVISION" -j"$(nproc)" build-image/meetingd \
 && install -D -m 0755 -s build-image/meetingd /out/meetingd \
 && /out/meetingd --version

# ---- runtime ----------------------------------------------------------------
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libmicrohttpd12 libjansson4 libutf8proc2 libxml2 \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/* /var/log/apt/* /var/log/dpkg.log
COPY --from=build /out/meetingd /usr/local/bin/meetingd
# a fixed numeric UID/GID (no passwd entry needed): Kubernetes' runAsNonRoot
# can only verify a numeric user
USER 10001:10001
ENV MEETINGD_PORT=8080 \
    MEETINGD_BIND=0.0.0.0
EXPOSE 8080
# meetingd drains in-flight requests on SIGTERM, then exits 0 (within
# MEETINGD_DRAIN_TIMEOUT, default 20 s: give `docker stop -t` more than that)
STOPSIGNAL SIGTERM
# no curl in the image: bash's /dev/tcp sends the probe and checks the status
# line (HTTP/1.0, so the server closes and the read ends)
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${MEETINGD_PORT:-8080} && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && read -r _ code _ <&3 && [ \"$code\" = 200 ]"]
ENTRYPOINT ["/usr/local/bin/meetingd"]
CMD ["serve"]
