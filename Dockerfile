# regbot in a container: `docker compose up -d` (see compose.yaml and the README).
# The dependencies come from the lock file (exact versions, hashes checked); the project is
# then installed on top without letting pip resolve anything again, as `make` does.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /src
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY services ./services
COPY core ./core
COPY storage ./storage
COPY scheduler ./scheduler
COPY loopback ./loopback
RUN pip install --no-deps . && rm -rf /src

# Not root: the bot needs to write only its database folder.
RUN useradd --system --uid 10001 --no-create-home --home-dir /data regbot \
    && mkdir -p /data /config && chown regbot:regbot /data
USER regbot
WORKDIR /data
# The database (and its WAL files) live on a volume: they outlive the container.
VOLUME ["/data"]

# Config: mount a TOML file at /config/config.toml (read-only is fine); every key can also be
# set or overridden by environment, REGBOT_<SECTION>__<KEY> (the token: REGBOT_TELEGRAM__TOKEN,
# from compose's env_file .env).
ENV REGBOT_CONFIG=/config/config.toml \
    REGBOT_STORAGE__PATH=/data/regbot.sqlite3 \
    REGBOT_WEBHOOK__LISTEN_HOST=0.0.0.0
# Only used in webhook mode ([webhook] url): Telegram's updates and GET /healthz.
EXPOSE 8080

# SIGTERM (docker stop) stops gracefully: updates in flight finish, then the process exits.
STOPSIGNAL SIGTERM
ENTRYPOINT ["regbot"]
CMD ["run"]
