"""The floor for bench/bench_http.py: a minimal Flask app whose one endpoint does one UPDATE on the same
database, served by the same gunicorn settings as the service (`gunicorn 'bench.http_floor_app:app'`)."""

from __future__ import annotations

import os

from flask import Flask
from sqlalchemy import create_engine, text

app = Flask(__name__)
engine = create_engine(os.environ["DATABASE_URL"].replace("postgresql://", "postgresql+psycopg://", 1))


@app.post("/update/<int:ident>")
def update(ident: int) -> dict[str, int]:
    with engine.begin() as conn:
        conn.execute(text("UPDATE bench_floor SET n = n + 1 WHERE id = :i"), {"i": ident})
    return {"id": ident}
