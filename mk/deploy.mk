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
#   make deploy-deps      the Debian packages these need (root): the only
#                         target here that installs anything
#   make ci-deploy        what `make check` runs: all of the above that this
#                         machine has the tools for, SKIPPED: <reason> for the rest

IMAGE_NAME      ?= meetingd
# podman/buildah storage flags; vfs works everywhere (no overlay mounts needed)
CONTAINER_STORE ?= --storage-driver vfs
K8S_TOOLS       := deploy/test/k8s

.PHONY: image image-test proxy-test k8s-validate systemd-verify deploy-deps \
        image-deps proxy-deps ci-deploy

image: ## build the container image meetingd:VERSION and :latest (docker, else buildah)
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

image-test: $(BUILD)/test-suite ## build and test the image in a throw-away store (root; buildah, podman, runc, debootstrap)
	BUILD=$(BUILD) sh deploy/test/image-test.sh

proxy-test: $(BUILD)/meetingd ## deploy/nginx.conf in front of two replicas on loopback ports (nginx)
	python3 deploy/test/proxy_test.py --bin $(BUILD)/meetingd

$(K8S_TOOLS)/node_modules/.package-lock.json: $(K8S_TOOLS)/package-lock.json
	cd $(K8S_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

k8s-validate: $(K8S_TOOLS)/node_modules/.package-lock.json ## deploy/kubernetes/*.yaml against the API schemas (npm)
	node $(K8S_TOOLS)/validate.mjs deploy/kubernetes

systemd-verify: $(BUILD)/meetingd ## deploy/systemd/meetingd.service: systemd-analyze, the syscall filter under strace
	python3 deploy/test/systemd_test.py --bin $(BUILD)/meetingd

# Debian packages (root). nginx's package starts the system service (port
# 80) on a machine that runs systemd; the tests run their own nginx on
# kernel-chosen loopback ports and never use it.
proxy-deps: ## install nginx, python3, strace, systemd for proxy-test and systemd-verify (root; starts nginx on port 80 under systemd)
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  nginx python3 strace systemd

image-deps: ## install buildah, podman, runc, debootstrap, curl for image-test and newcomer-test (root)
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	  buildah podman runc debootstrap curl

deploy-deps: proxy-deps image-deps ## proxy-deps and image-deps: every package the deploy checks need (root)

# `make check`: each check whose tools are here; for the others one line
# `NAME: SKIPPED: <reason>`. Nothing is installed (`make deploy-deps` does
# that). k8s-validate needs only node and npm, which `make deps` installs.
has = command -v $(1) >/dev/null 2>&1 || [ -x /usr/sbin/$(1) ]
ci-deploy: ## the deploy checks this machine has the tools for (SKIPPED: <reason> for the others); installs nothing
	@if ! { $(call has,nginx); }; then \
	  echo "proxy-test: SKIPPED: nginx is not installed (make deploy-deps)"; \
	else \
	  $(MAKE) --no-print-directory proxy-test; \
	fi
	$(MAKE) --no-print-directory k8s-validate
	@if ! { $(call has,systemd-analyze); } || ! { $(call has,strace); }; then \
	  echo "systemd-verify: SKIPPED: systemd-analyze or strace is not installed (make deploy-deps)"; \
	else \
	  $(MAKE) --no-print-directory systemd-verify; \
	fi
	@missing=; for t in buildah podman runc debootstrap curl; do \
	  { $(call has,$$t); } || missing="$$missing $$t"; \
	done; \
	if [ "$$(id -u)" != 0 ]; then \
	  echo "image-test: SKIPPED: not root (buildah, podman and debootstrap need root here)"; \
	elif [ -n "$$missing" ]; then \
	  echo "image-test: SKIPPED: not installed:$$missing (make deploy-deps)"; \
	else \
	  $(MAKE) --no-print-directory image-test; \
	fi
