"""``sanxiang evidence``: fixity checks, expiry of unfinished uploads, device registration.

sanxiang evidence fixity                 re-hash every original; exit 1 and list mismatches if any
sanxiang evidence expire                 discard unfinished uploads past their expiry
sanxiang evidence access-copies [--all]  (re)build access copies of videos that have none (or all of them)
sanxiang evidence register-device --agency CODE --number N --model M [--officer ID]   prints the token once
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sanxiang.evidence import access, actions, fixity, uploads
from sanxiang.evidence.enums import AccessCopyStatus
from sanxiang.evidence.models import EvidenceFile
from sanxiang.organizations.models import Agency, Officer
from sanxiang.records import writer


class Command(BaseCommand):
    help = "Evidence maintenance: fixity checks, upload expiry, device registration."

    def add_arguments(self, parser: CommandParser) -> None:
        commands = parser.add_subparsers(dest="command", required=True)
        commands.add_parser("fixity", help="Re-hash every stored original and report mismatches.")
        commands.add_parser("expire", help="Discard unfinished uploads past their expiry.")
        copies = commands.add_parser("access-copies", help="(Re)build missing access copies with ffmpeg.")
        copies.add_argument("--all", action="store_true", help="rebuild every video's access copy")
        device = commands.add_parser("register-device", help="Register a recording device; prints its token.")
        device.add_argument("--agency", required=True, help="agency code")
        device.add_argument("--number", required=True)
        device.add_argument("--model", required=True)
        device.add_argument("--officer", type=int, help="assigned officer id")

    def handle(self, *args: Any, **options: Any) -> None:
        command = options["command"]
        if command == "fixity":
            self._fixity()
        elif command == "access-copies":
            self._access_copies(rebuild_all=options["all"])
        elif command == "expire":
            self.stdout.write(f"expired {uploads.expire()}")
        else:
            self._register_device(options)

    def _fixity(self) -> None:
        checked, findings = fixity.run()
        for finding in findings:
            self.stdout.write(
                f"MISMATCH file {finding.evidence_id} {finding.storage_key}: "
                f"recorded {finding.expected}, found {finding.found}"
            )
        self.stdout.write(f"checked {checked}, mismatches {len(findings)}")
        if findings:
            raise CommandError(f"{len(findings)} evidence file(s) failed the fixity check")

    def _access_copies(self, *, rebuild_all: bool) -> None:
        if rebuild_all:
            ids = list(
                EvidenceFile.objects.filter(media_type__startswith="video/")
                .order_by("pk")
                .values_list("pk", flat=True)
            )
        else:
            ids = access.missing()
        failed = 0
        for evidence_id in ids:
            copy = access.build(evidence_id)
            if copy is None:
                continue
            if copy.status != AccessCopyStatus.READY or copy.error:
                failed += 1
                self.stdout.write(f"FAILED file {evidence_id}: {copy.error}")
            else:
                self.stdout.write(f"ready file {evidence_id}: sha256:{copy.video_sha256}")
        self.stdout.write(f"built {len(ids) - failed}, failed {failed}")
        if failed:
            raise CommandError(f"{failed} access cop(ies) could not be made")

    def _register_device(self, options: dict[str, Any]) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"no agency with code {options['agency']!r}")
        officer = Officer.objects.filter(pk=options["officer"]).first() if options["officer"] else None
        _device, token = actions.check_register_device(
            actor=writer.SYSTEM,
            agency=agency,
            number=options["number"],
            model=options["model"],
            officer=officer,
        )
        self.stdout.write(token)
