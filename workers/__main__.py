"""`python -m workers`: an RQ worker on our queues, inside the Flask application context."""

from __future__ import annotations

import sys

from rq import Worker

from service import create_app
from workers.queues import connect, queues


def main() -> int:
    app = create_app()
    url = app.config["SETTINGS"].redis_url
    if not url:
        print("REDIS_URL is not set", file=sys.stderr)
        return 2
    connection = connect(url)
    with app.app_context():
        worker = Worker(queues(connection), connection=connection)
        worker.work(with_scheduler=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
