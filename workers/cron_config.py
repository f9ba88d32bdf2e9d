"""`rq cron workers/cron_config.py`: the single scheduler process. It only enqueues the sweep; run exactly
one (rq's cron has no leader election — a second one would only enqueue harmless duplicate sweeps)."""

from __future__ import annotations

import os

from rq import cron

from workers.jobs import sweep

cron.register(sweep, queue_name="escalations", interval=int(os.environ.get("ESCALATION_SWEEP_SECONDS", "60")))
