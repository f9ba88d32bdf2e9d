"""`python -m workers [--burst]`: an RQ worker on our queues, inside the Flask application context.

Run as many as you like, on as many machines as you like; `--burst` drains the queues and exits."""

from __future__ import annotations

import sys

from rq import Worker

from service import create_app
from workers.jobs import use_app
from workers.queues import connect, queues


def main(argv: list[str]) -> int:
    app = create_app()
    url = app.config["SETTINGS"].redis_url
    if not url:
        print("REDIS_URL is not set", file=sys.stderr)
        return 2
    use_app(app)
    connection = connect(url)
    with app.app_context():
        worker = Worker(queues(connection), connection=connection)
        worker.work(burst="--burst" in argv, with_scheduler="--burst" not in argv)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
