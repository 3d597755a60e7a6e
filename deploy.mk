# Shipping targets: the container image, the Kubernetes manifests, the release workflow.
# Included by the Makefile (`include deploy.mk`); uses its BIN and STAMP.
ENV ?= development
IMAGE ?= localhost/trelloql:dev

.PHONY: hadolint k8s-render k8s-test base-image image image-test deploy-dry-run build-and-push

hadolint: $(STAMP)
	$(BIN)/hadolint Dockerfile

# Print the manifests of one overlay: make k8s-render ENV=staging
k8s-render:
	kubectl kustomize k8s/overlays/$(ENV)

# Offline checks of the Dockerfile, the overlays and scripts/build-and-push (also in make test).
k8s-test: $(STAMP)
	$(BIN)/python -m pytest -q tests/deploy

# The Dockerfile's Python base image, made locally with debootstrap (no registry needed).
base-image:
	scripts/make-base-image

# Build the image with podman for local use (the base image must exist: make base-image).
image:
	podman build --pull=never --network host -t $(IMAGE) .

# Build, run as Kubernetes would (read-only, uid 65534, no capabilities), check, clean up.
image-test:
	scripts/image-test

# What a push of the current branch or release tag would do: REGISTRY=<host>/<path> make ...
deploy-dry-run:
	scripts/build-and-push --dry-run

build-and-push:
	scripts/build-and-push
