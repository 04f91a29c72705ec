# triage: the voice front-end, served on port 8000.
#
#   docker build -t triage .                                      # models pulled at run time
#   docker build --build-arg PULL_MODELS=1 -t triage .            # models baked into the image
#   docker run -p 8000:8000 -v triage-data:/data triage
#   docker run -p 8000:8000 -v /srv/models:/models:ro -e TRIAGE_MODELS_DIR=/models triage   # offline
#   docker compose up -d                                          # with PostgreSQL: docker-compose.yml
FROM python:3.11-slim

ARG PULL_MODELS=0
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    TRIAGE_DATA_DIR=/data \
    TRIAGE_MODELS_DIR=/data/models

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

USER triage
RUN if [ "$PULL_MODELS" = "1" ]; then triage models pull; fi

EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=15s --timeout=3s --start-period=120s --retries=3 \
    CMD curl -fsS http://127.0.0.1:8000/readyz || exit 1
CMD ["triage", "serve", "--host", "0.0.0.0", "--port", "8000"]
