"""Resumable uploads: partial files under the upload directory, their offsets in the database, the digest
computed while the bytes stream in, and the hand-over of a finished file to storage and the register.

Owns partial files and Upload rows. Never keeps a byte that failed a chunk checksum, a type check or the
client's whole-file digest, and never takes a digest from anywhere but the bytes it wrote.

The whole-file digest state (SHA-256, and SM3 when the deployment asks for it) lives in memory (hashlib
objects cannot be pickled or stored) keyed by upload and offset. When the cached state does not match the
stored offset, because the server restarted or another worker took the upload, it is rebuilt by re-hashing the
partial file once; from then on each chunk is hashed as it is written. The offset in the database advances
only after the chunk is fsync'd, so a crash never claims bytes that are not on disk; bytes past the stored
offset are cut off when the next request arrives.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import uuid
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import filetype
from django.db import transaction
from django.utils.translation import gettext as _

from sanxiang.core import clock
from sanxiang.core.errors import InvalidInput, NotFoundOrForbidden, RuleViolation, SanxiangError
from sanxiang.evidence import access, actions, conf, metadata, pipeline
from sanxiang.evidence.auth import Principal
from sanxiang.evidence.digests import Digests
from sanxiang.evidence.models import Upload
from sanxiang.evidence.storage import get_storage
from sanxiang.evidence.tus import Checksum

BLOCK = 1024 * 1024
SNIFF_BYTES = 8192  # filetype looks at the first 262 bytes; a little more costs nothing
ALLOWED_PREFIXES = ("video/", "audio/", "image/")
ALLOWED_TYPES = frozenset({"application/pdf"})


class ChecksumMismatch(InvalidInput):
    """A chunk or the whole file does not match the client's checksum; what it sent was not kept."""


class OffsetConflict(InvalidInput):
    """The client's Upload-Offset is not the stored offset (it should HEAD and resume from there)."""


class UploadBusy(SanxiangError):
    """Another request is writing this upload right now."""


class TooLarge(InvalidInput):
    """The declared length exceeds the deployment's limit or the bytes exceed the declared length."""


class TypeRefused(RuleViolation):
    """The content is not video, audio, image or PDF, whatever its name says; the upload was discarded."""


_hashers: OrderedDict[uuid.UUID, tuple[int, Any]] = OrderedDict()
_HASHER_CACHE = 64


def partial_path(upload_id: uuid.UUID) -> Path:
    return conf.upload_dir() / f"{upload_id}.part"


def sniff(head: bytes) -> str | None:
    """The media type the content's magic bytes say, if it is one we accept; None otherwise."""
    kind = filetype.guess(head)
    if kind is None:
        return None
    mime = str(kind.mime)
    return mime if mime.startswith(ALLOWED_PREFIXES) or mime in ALLOWED_TYPES else None


@transaction.atomic
def create_upload(*, principal: Principal, length: int, raw_metadata: dict[str, str]) -> Upload:
    if length > conf.max_bytes():
        raise TooLarge(_("The file is larger than this server accepts."))
    if length == 0:
        raise InvalidInput(_("The file is empty."))
    metadata.parse(raw_metadata)  # refuse bad metadata now rather than after the bytes arrive
    Digests.for_deployment()  # a deployment that requires SM3 where OpenSSL lacks it fails before any byte
    upload = Upload.objects.create(
        agency=principal.agency,
        user_id=principal.user_id,
        device=principal.device,
        length=length,
        metadata=raw_metadata,
        expires_at=clock.now() + conf.upload_lifetime(),
    )
    partial_path(upload.id).touch(exist_ok=False)
    return upload


def access_upload(principal: Principal, upload_id: uuid.UUID) -> Upload:
    """The principal's own unexpired upload; any other is "not found"."""
    upload = Upload.objects.filter(pk=upload_id, agency=principal.agency).first()
    if (
        upload is None
        or not principal.owns(user_id=upload.user_id, device_id=upload.device_id)
        or (not upload.complete and upload.expires_at <= clock.now())
    ):
        raise NotFoundOrForbidden(_("Upload not found."))
    return upload


@contextlib.contextmanager
def _locked(upload_id: uuid.UUID) -> Iterator[IO[bytes]]:
    path = partial_path(upload_id)
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        raise NotFoundOrForbidden(_("Upload not found.")) from None
    with handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UploadBusy(_("This upload is being written by another request.")) from None
        yield handle


def _hasher_at(upload_id: uuid.UUID, handle: IO[bytes], offset: int) -> Any:
    cached = _hashers.pop(upload_id, None)
    if cached is not None and cached[0] == offset:
        return cached[1]
    hasher = Digests.for_deployment()
    handle.seek(0)
    remaining = offset
    while remaining:
        block = handle.read(min(BLOCK, remaining))
        if not block:
            raise RuntimeError(f"partial upload {upload_id} is shorter than its stored offset")
        hasher.update(block)
        remaining -= len(block)
    return hasher


def _remember(upload_id: uuid.UUID, offset: int, hasher: Any) -> None:
    _hashers[upload_id] = (offset, hasher)
    while len(_hashers) > _HASHER_CACHE:
        _hashers.popitem(last=False)


def write_chunk(
    *,
    principal: Principal,
    upload_id: uuid.UUID,
    offset: int,
    stream: IO[bytes],
    content_length: int,
    checksum: Checksum | None,
) -> Upload:
    """Append one PATCH body at ``offset``. With a checksum, the chunk is kept only if it matches in full;
    without one, whatever arrived before a cut connection is kept (the client resumes after it)."""
    with _locked(upload_id) as handle:
        upload = access_upload(principal, upload_id)
        if upload.complete:
            raise OffsetConflict(_("This upload is already complete."))
        if offset != upload.offset:
            raise OffsetConflict(_("Upload-Offset does not match the stored offset."))
        if content_length > upload.length - offset:
            raise TooLarge(_("The chunk runs past the declared length."))
        handle.truncate(offset)  # bytes a crashed request wrote past the stored offset were never confirmed
        hasher = _hasher_at(upload_id, handle, offset)
        received = _receive(
            handle=handle,
            stream=stream,
            length=content_length,
            hasher=hasher,
            checksum=checksum,
            offset=offset,
        )
        upload = _advance(upload, handle, principal=principal, new_offset=offset + received, hasher=hasher)
        if upload.offset == upload.length:
            return finish(upload, principal=principal, hasher=hasher)
        return upload


def _receive(
    *,
    handle: IO[bytes],
    stream: IO[bytes],
    length: int,
    hasher: Any,
    checksum: Checksum | None,
    offset: int,
) -> int:
    chunk = hashlib.new(checksum.algorithm) if checksum else None
    handle.seek(offset)
    received = pipeline.pour(
        stream=stream,
        length=length,
        handle=handle,
        hashers=[*hasher.parts(), *([chunk] if chunk is not None else [])],
    )
    if checksum is not None and chunk is not None and chunk.digest() != checksum.digest:
        # The hasher has seen the refused bytes; it is not cached, so the next request re-hashes the partial.
        handle.truncate(offset)
        raise ChecksumMismatch(_("The chunk does not match its checksum; it was not stored."))
    handle.flush()
    os.fsync(handle.fileno())
    return received


def _advance(
    upload: Upload, handle: IO[bytes], *, principal: Principal, new_offset: int, hasher: Any
) -> Upload:
    if upload.offset < SNIFF_BYTES and (new_offset >= SNIFF_BYTES or new_offset == upload.length):
        handle.seek(0)
        if sniff(handle.read(SNIFF_BYTES)) is None:
            refuse(upload, principal=principal, reason="type", received=new_offset)
            raise TypeRefused(_("Only video, audio, image and PDF files are accepted (checked by content)."))
    now = clock.now()
    Upload.objects.filter(pk=upload.pk, offset=upload.offset).update(
        offset=new_offset, expires_at=now + conf.upload_lifetime(), updated_at=now
    )
    upload.refresh_from_db()
    _remember(upload.id, upload.offset, hasher)
    return upload


def finish(upload: Upload, *, principal: Principal, hasher: Any = None) -> Upload:
    """Verify the whole-file digest, store the original, register it with its record; drop the partial."""
    path = partial_path(upload.id)
    if hasher is None:
        with path.open("rb") as handle:
            hasher = _hasher_at(upload.id, handle, upload.offset)
    sha256, sm3 = hasher.hexdigest(), hasher.sm3_hexdigest()
    declared = metadata.parse(upload.metadata)
    if declared.sha256 and declared.sha256 != sha256:
        refuse(upload, principal=principal, reason="digest", received=upload.offset, sha256=sha256)
        raise ChecksumMismatch(_("The file does not match the digest the client declared; nothing was kept."))
    with path.open("rb") as handle:
        media_type = sniff(handle.read(SNIFF_BYTES)) or "application/octet-stream"
    key = get_storage().store(path, sha256=sha256, size=upload.length)
    with transaction.atomic():
        upload = Upload.objects.select_for_update().get(pk=upload.pk)
        if upload.evidence_file_id is None:
            evidence = actions.do_add_evidence_file(
                actor=principal.actor(on=clock.today()),
                arrival=metadata.arrival(
                    upload=upload,
                    declared=declared,
                    principal=principal,
                    sha256=sha256,
                    sm3=sm3,
                    key=key,
                    media_type=media_type,
                ),
            )
            upload.evidence_file = evidence
            upload.save(update_fields=["evidence_file"])
            access.schedule(evidence)
    _hashers.pop(upload.id, None)
    path.unlink(missing_ok=True)
    return upload


def refuse(
    upload: Upload, *, principal: Principal, reason: str, received: int, sha256: str | None = None
) -> None:
    """Discard an upload the server refused (content type or whole-file digest) and record the refusal:
    a device that sends tampered or foreign files is itself a fact worth keeping."""
    with transaction.atomic():
        actions.do_record_refusal(
            actor=principal.actor(on=clock.today()),
            upload=upload,
            reason=reason,
            received=received,
            sha256=sha256,
            device=principal.device.number if principal.device else upload.metadata.get("device", ""),
        )
        discard(upload)


def discard(upload: Upload) -> None:
    """Forget an unfinished upload entirely: its bytes and its row."""
    _hashers.pop(upload.id, None)
    partial_path(upload.id).unlink(missing_ok=True)
    Upload.objects.filter(pk=upload.pk, evidence_file__isnull=True).delete()


def terminate(*, principal: Principal, upload_id: uuid.UUID) -> None:
    """tus termination: only unfinished uploads; an original, once stored, is never deleted."""
    if access_upload(principal, upload_id).complete:
        raise RuleViolation(_("A finished upload is evidence and cannot be deleted."))
    with _locked(upload_id):
        upload = access_upload(principal, upload_id)
        if upload.complete:
            raise RuleViolation(_("A finished upload is evidence and cannot be deleted."))
        discard(upload)


def resume_unfinished(upload: Upload, *, principal: Principal) -> Upload:
    """A server that died between the last fsync and the register entry finishes the job on the next HEAD."""
    if upload.complete or upload.offset != upload.length:
        return upload
    with _locked(upload.id):
        return finish(upload, principal=principal)


def expire(*, now: dt.datetime | None = None) -> int:
    """Discard unfinished uploads past their expiry. Returns how many."""
    moment = now or clock.now()
    expired = list(Upload.objects.filter(evidence_file__isnull=True, expires_at__lte=moment))
    for upload in expired:
        discard(upload)
    return len(expired)
