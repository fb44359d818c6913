# Delivery: container image, reverse proxy, Kubernetes and systemd checks.
# Included by the Makefile (mk/*.mk); the commands are in the README's
# "Deploy" section and the tests under deploy/test/.
#
#   make image            build meetingd:$(VERSION) and :latest (docker where an
#                         engine answers, else buildah with a local base image)
#   make image-test       build in a throw-away store and test the image with podman
#   make proxy-test       deploy/nginx.conf in front of two replicas, on loopback
#   make k8s-validate     deploy/kubernetes/*.yaml against the API schemas
#   make systemd-verify   deploy/systemd/meetingd.service with systemd-analyze
#   make deploy-deps      the Debian packages these need (root)
#   make ci-deploy        what CI runs: all of the above that this machine can do

IMAGE_NAME      ?= meetingd
# podman/buildah storage flags; vfs works everywhere (no overlay mounts needed)
CONTAINER_STORE ?= --storage-driver vfs
K8S_TOOLS       := deploy/test/k8s

.PHONY: image image-test proxy-test k8s-validate systemd-verify deploy-deps \
        image-deps proxy-deps ci-deploy

image:
	@if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then \
	  echo "image: docker build"; \
	  docker build --build-arg MEETINGD_REVISION=$(GIT_REV) \
	    -t $(IMAGE_NAME):$(VERSION) -t $(IMAGE_NAME):latest . ; \
	else \
	  echo "image: no Docker engine; buildah ($(CONTAINER_STORE))"; \
	  STORAGE_OPTS="$(CONTAINER_STORE)" sh deploy/test/base-image.sh && \
	  buildah $(CONTAINER_STORE) bud --isolation chroot --pull-never --format docker \
	    --build-arg MEETINGD_REVISION=$(GIT_REV) \
	    -t $(IMAGE_NAME):$(VERSION) -t $(IMAGE_NAME):latest . && \
	  podman $(CONTAINER_STORE) image prune -f >/dev/null && \
	  podman $(CONTAINER_STORE) images $(IMAGE_NAME); \
	fi

image-test: $(BUILD)/test-suite
	BUILD=$(BUILD) sh deploy/test/image-test.sh

proxy-test: $(BUILD)/meetingd
	python3 deploy/test/proxy_test.py --bin $(BUILD)/meetingd

$(K8S_TOOLS)/node_modules/.package-lock.json: $(K8S_TOOLS)/package-lock.json
	cd $(K8S_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

k8s-validate: $(K8S_TOOLS)/node_modules/.package-lock.json
	node $(K8S_TOOLS)/validate.mjs deploy/kubernetes

systemd-verify: $(BUILD)/meetingd
	python3 deploy/test/systemd_test.py --bin $(BUILD)/meetingd

# Debian packages (root). nginx's package starts the system service on a
# machine that runs systemd; the tests run their own nginx on other ports.
proxy-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  nginx python3 strace systemd

image-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  buildah podman runc debootstrap curl

deploy-deps: proxy-deps image-deps

# CI: the proxy, Kubernetes and systemd checks always; the image test when
# the container tools install and the machine lets them run (root). The
# reason for a skip is printed on its own line.
ci-deploy:
	$(MAKE) proxy-deps
	$(MAKE) proxy-test
	$(MAKE) k8s-validate
	$(MAKE) systemd-verify
	@if [ "$$(id -u)" != 0 ]; then \
	  echo "image-test: SKIPPED: not root (buildah, podman and debootstrap need root here)"; \
	elif ! $(MAKE) image-deps >/tmp/meetingd-image-deps.log 2>&1; then \
	  echo "image-test: SKIPPED: the container tools could not be installed:"; \
	  tail -n 5 /tmp/meetingd-image-deps.log; \
	else \
	  $(MAKE) image-test; \
	fi
