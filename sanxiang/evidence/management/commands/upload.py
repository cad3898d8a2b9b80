"""``sanxiang upload FILE --subject case:42 --step inspection --device TY-CAM-001``: resumable tus upload.

The token comes from ``--token`` or ``SANXIANG_DEVICE_TOKEN``; the endpoint from ``--url`` (default
http://127.0.0.1:8000/evidence/uploads/). Resume state lives in ``--state`` (default FILE + ".tus.json").
Prints the server's digest and evidence id; exits 1 if the server's digest differs from the local one.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanxiang.evidence import client, tus

DEFAULT_URL = "http://127.0.0.1:8000/evidence/uploads/"
METADATA_OPTIONS = ("subject", "step", "device", "certificate", "capture_start", "capture_end", "location")


class Command(BaseCommand):
    help = "Upload an evidence file over tus, resuming if interrupted, and verify the server's digest."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--subject", required=True, help="e.g. case:42")
        parser.add_argument("--step", required=True)
        parser.add_argument("--device", default="")
        parser.add_argument("--certificate", default="")
        parser.add_argument("--capture-start", dest="capture_start", default="")
        parser.add_argument("--capture-end", dest="capture_end", default="")
        parser.add_argument("--location", default="")
        parser.add_argument("--url", default=os.environ.get("SANXIANG_UPLOAD_URL", DEFAULT_URL))
        parser.add_argument("--token", default=os.environ.get("SANXIANG_DEVICE_TOKEN", ""))
        parser.add_argument("--state", type=Path)
        parser.add_argument("--chunk-size", type=int, default=client.CHUNK_SIZE)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"no such file: {path}")
        if not options["token"]:
            raise CommandError("a device token is required (--token or SANXIANG_DEVICE_TOKEN)")
        metadata = {key: options[key] for key in METADATA_OPTIONS if options[key]}
        try:
            result = client.upload(
                path,
                endpoint=options["url"],
                headers={tus.DEVICE_TOKEN_HEADER: options["token"]},
                metadata=metadata,
                state=options["state"] or path.with_name(path.name + ".tus.json"),
                chunk_size=options["chunk_size"],
            )
        except client.DigestMismatch as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"sha256 {result.sha256}")
        self.stdout.write(f"evidence {result.evidence_id}")
