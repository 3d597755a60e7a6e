# trelloql image. The builder stage compiles tartiflette's C++ GraphQL parser into a
# virtualenv; the runtime stage holds only Python, that virtualenv and the SDL files.
#
# Base images are build arguments. The default is the Python 3.11 slim image of Debian 12
# (bookworm); releases pin it by digest: --build-arg PYTHON_IMAGE=<same name>@sha256:<digest>.
# Both stages must run the same Python: the virtualenv links to the base interpreter.
ARG PYTHON_IMAGE=docker.io/library/python:3.11-slim-bookworm
ARG BUILDER_IMAGE=${PYTHON_IMAGE}

FROM ${BUILDER_IMAGE} AS builder
ARG DEBIAN_FRONTEND=noninteractive
# cmake, g++ and make build libgraphqlparser (tartiflette ships it as C++ source).
RUN apt-get update \
 && apt-get install -y --no-install-recommends cmake=3.25.1-1 g++=4:12.2.0-3 make=4.3-4.1 \
 && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python3 -m venv /opt/venv
WORKDIR /src
# Dependencies first (hash-pinned; --no-deps because the lock overrides tartiflette-aiohttp's
# aiohttp pin), so a source change does not rebuild the parser.
COPY requirements/runtime.lock requirements/runtime.lock
RUN /opt/venv/bin/pip install --no-cache-dir --require-hashes --no-deps -r requirements/runtime.lock
COPY pyproject.toml README.md ./
COPY trelloql/ trelloql/
# The virtualenv keeps no installer: pip and setuptools are not needed to run.
RUN /opt/venv/bin/pip install --no-cache-dir --no-deps . \
 && /opt/venv/bin/pip uninstall --yes pip setuptools

FROM ${PYTHON_IMAGE} AS runtime
ARG VERSION=dev
LABEL org.opencontainers.image.title="trelloql" \
      org.opencontainers.image.description="A GraphQL API for Trello" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="MIT"
ENV PATH=/opt/venv/bin:${PATH} \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    TRELLOQL_SDL_DIR=/opt/trelloql/sdl \
    TRELLOQL_HOST=0.0.0.0 \
    TRELLOQL_PORT=8080
COPY --from=builder /opt/venv /opt/venv
COPY sdl/ /opt/trelloql/sdl/
# Import the package and cook the schema: a missing shared library (libgraphqlparser,
# libstdc++) or a broken SDL file fails the build instead of the first pod.
RUN trelloql schema > /dev/null
WORKDIR /opt/trelloql
# nobody:nogroup. The process writes nothing outside /tmp, so the root filesystem can be read-only.
USER 65534:65534
EXPOSE 8080
# Exec form: trelloql is PID 1 and receives SIGTERM itself (it turns unready, drains, exits 0).
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/venv/bin/trelloql"]
CMD ["serve"]
