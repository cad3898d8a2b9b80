"""``sanxiang records …``: operate the record log from the command line.

    integrate [--loop] [--interval S] [--batch N]  move pending entries into the tree
    checkpoint                      integrate, sign if grown, print the latest checkpoint
    vkey                            print the verifier key (signed-note vkey form)
    verify [--jobs N] [--stored-leaves]  recompute everything; a non-zero exit names the first bad index
    proof INDEX [--out FILE]        write a c2sp.org/tlog-proof@v1 file
    export --subject KIND:ID OUT    write a bundle for tools/verify_bundle.py
    cosign-request WITNESS          print the tlog-witness add-checkpoint body for a configured witness
    cosign-add FILE                 check and store the witness cosignature line(s) in FILE (- for stdin)
    witness-vkey                    print this deployment's witness (cosigner) verifier key
    witness FILE                    act as witness: check an add-checkpoint body, print the cosignature

Thin: parses arguments and calls the records modules; holds no logic of its own.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from sanxiang.core.errors import SanxiangError
from sanxiang.records import bundles, checkpoints, cosign, integrator, verify, witness


class Command(BaseCommand):
    help = "Operate the record log: integrate, checkpoint, vkey, verify, proof, export."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        integrate = sub.add_parser("integrate", help="Move pending entries into the tree.")
        integrate.add_argument("--loop", action="store_true", help="Keep integrating (production).")
        integrate.add_argument("--interval", type=float, default=1.0, help="Seconds between rounds.")
        integrate.add_argument("--batch", type=int, default=integrator.DEFAULT_BATCH)
        sub.add_parser("checkpoint", help="Integrate, sign a checkpoint if the tree grew, print it.")
        sub.add_parser("vkey", help="Print the verifier key.")
        check = sub.add_parser("verify", help="Recompute every leaf, the root and every checkpoint.")
        check.add_argument("--chunk", type=int, default=verify.CHUNK)
        check.add_argument(
            "--jobs",
            type=int,
            default=verify.default_jobs(),
            help="Worker processes hashing the entries (PostgreSQL; default: one per processor).",
        )
        check.add_argument(
            "--stored-leaves",
            action="store_true",
            help="Also compare every stored leaf hash (the material of inclusion proofs) with its entry.",
        )
        proof = sub.add_parser("proof", help="Write a tlog-proof file for one entry.")
        proof.add_argument("index", type=int)
        proof.add_argument("--out", type=Path, help="File to write (default: standard output).")
        export = sub.add_parser("export", help="Write a bundle of a subject's entries.")
        export.add_argument("--subject", required=True, help="KIND:ID, e.g. case:42")
        export.add_argument("out", type=Path)
        request = sub.add_parser("cosign-request", help="Print the add-checkpoint body for a witness.")
        request.add_argument("witness", help="the witness's name, as in its vkey")
        add = sub.add_parser("cosign-add", help="Store witness cosignature lines on the latest checkpoint.")
        add.add_argument("file", help="a file holding the lines, or - for standard input")
        sub.add_parser("witness-vkey", help="Print this deployment's witness verifier key.")
        witness_parser = sub.add_parser("witness", help="Witness another log's checkpoint; print the line.")
        witness_parser.add_argument("file", help="the add-checkpoint body, or - for standard input")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        try:
            getattr(self, f"do_{action.replace('-', '_')}")(**options)
        except SanxiangError as error:
            raise CommandError(error.message) from error

    def _warn_if_stale(self) -> None:
        alert = integrator.pending_alert()
        if alert:
            self.stderr.write(self.style.WARNING(alert))

    def do_integrate(self, *, loop: bool, interval: float, batch: int, **_options: Any) -> None:
        while True:
            self._warn_if_stale()
            count = integrator.integrate(batch_size=batch)
            if not loop:
                self.stdout.write(_("Integrated %(count)d entries.") % {"count": count})
                return
            if count == 0:
                time.sleep(interval)

    def do_checkpoint(self, **_options: Any) -> None:
        self._warn_if_stale()
        self.stdout.write(checkpoints.publish().note, ending="")

    def do_vkey(self, **_options: Any) -> None:
        self.stdout.write(checkpoints.verifier_key())

    def do_verify(self, *, chunk: int, jobs: int, stored_leaves: bool, **_options: Any) -> None:
        if chunk < 1 or jobs < 1:
            raise CommandError(_("--chunk and --jobs must be at least 1."))
        report = verify.verify_log(integrator.get_log(), chunk=chunk, jobs=jobs, stored_leaves=stored_leaves)
        for problem in report.problems:
            self.stderr.write(problem)
        if not report.ok:
            raise CommandError(
                _("Verification failed; first bad index: %(index)s.") % {"index": report.first_bad_index}
            )
        self.stdout.write(
            _("Verified %(size)d entries and %(count)d checkpoints.")
            % {"size": report.size, "count": report.checkpoints}
        )

    def do_proof(self, *, index: int, out: Path | None, **_options: Any) -> None:
        text = bundles.proof_for(index)
        if out is None:
            self.stdout.write(text, ending="")
        else:
            out.write_text(text, encoding="utf-8")

    def do_export(self, *, subject: str, out: Path, **_options: Any) -> None:
        kind, separator, subject_id = subject.partition(":")
        if not separator or not kind or not subject_id:
            raise CommandError(_("--subject must look like KIND:ID."))
        out.write_text(bundles.bundle_json(kind, subject_id), encoding="utf-8")
        self.stdout.write(_("Wrote %(path)s.") % {"path": out})

    def do_cosign_request(self, *, witness: str, **_options: Any) -> None:
        self.stdout.write(cosign.add_checkpoint_request(witness), ending="")

    def do_cosign_add(self, *, file: str, **_options: Any) -> None:
        stored = cosign.check_add_cosignatures(_read(file))
        for cosignature in stored:
            self.stdout.write(
                _("Stored the cosignature of %(witness)s on the checkpoint at size %(size)d.")
                % {"witness": cosignature.witness, "size": cosignature.checkpoint.size}
            )

    def do_witness_vkey(self, **_options: Any) -> None:
        self.stdout.write(witness.verifier_key())

    def do_witness(self, *, file: str, **_options: Any) -> None:
        self.stdout.write(witness.check_add_checkpoint(_read(file)), ending="")


def _read(file: str) -> str:
    return sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
