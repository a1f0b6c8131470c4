import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from lms.lrs.forwarding import forwarding_sweep


class Command(BaseCommand):
    help = (
        "Queue a forwarding drain for every external LRS endpoint with undelivered "
        "statements (after an outage, or when a queued task was lost). With --loop it "
        "keeps doing so every --interval seconds; `make run` starts it that way."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--loop", action="store_true", help="Repeat until stopped.")
        parser.add_argument(
            "--interval",
            type=float,
            default=30.0,
            help="Seconds between sweeps with --loop (default: 30).",
        )

    def handle(self, *, loop: bool, interval: float, verbosity: int, **options) -> None:
        while True:
            queued = forwarding_sweep()
            if verbosity > 1 or (queued and not loop):
                self.stdout.write(f"Queued a drain for {len(queued)} endpoint(s).")
            if not loop:
                return
            # A long-running loop must not keep a connection the database dropped.
            close_old_connections()
            try:
                time.sleep(interval)
            except KeyboardInterrupt:
                return
