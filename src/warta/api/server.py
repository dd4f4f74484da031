"""Run the app with uvicorn on the store file named by the settings (one process)."""

from __future__ import annotations

import secrets
from dataclasses import replace
from pathlib import Path

from ..settings import Settings
from ..store import open_store
from .state import ServerConfig


def new_token() -> str:
    """A random bearer token for a server started without one."""
    return secrets.token_urlsafe(24)


def upload_dir_for(db_path: Path) -> Path:
    """Uploaded files live beside the store: ``<db>.uploads/``."""
    return db_path.with_name(db_path.name + ".uploads")


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000,
          config: ServerConfig | None = None, log_level: str = "info") -> None:  # fmt: skip
    """Open the store (read-write unless ``config.read_only``) and serve until interrupted."""
    import uvicorn

    from .app import create_app

    config = config or ServerConfig()
    if config.upload_dir is None:
        config = replace(config, upload_dir=upload_dir_for(settings.db_path))
    store = open_store(settings, read_only=config.read_only)
    store.count_articles()  # open now: a locked or missing file fails before we listen
    try:
        app = create_app(store, settings, config)
        uvicorn.run(app, host=host, port=port, log_level=log_level, access_log=False)
    finally:
        store.close()
