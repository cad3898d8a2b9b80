"""Evidence and audio/video records (音像记录): resumable upload, digests, WORM storage, playback, reads.

Map of the app:

    tus.py, tusviews.py   the tus 1.0 wire format and endpoint (/evidence/uploads/): core, creation,
                          expiration, checksum (sha1, sha256; 460 on mismatch), termination
    auth.py               who uploads: an officer's session (with CSRF) or a device token header
    uploads.py            partial files under SANXIANG_EVIDENCE_UPLOAD_DIR, offsets in the database, SHA-256
                          while streaming, type check by magic bytes, the hand-over to storage
    metadata.py           Upload-Metadata keys: subject, step, filename, device, certificate, capture_start,
                          capture_end, location, sha256
    storage/              content-addressed originals: filesystem (read-only files) or S3 (Object Lock)
    actions.py            every write with its record: evidence.added/read/upload_refused, items, review,
                          devices, maintenance
    selectors.py          access_evidence_by_id, the permission chokepoint; a subject's files
    views.py, ranges.py   playback and download of originals, access copies and posters with HTTP Range
                          (each read writes evidence.read); the file page, a subject's list, the upload page
    forms.py, templates/, static/evidence/tus-upload.js
                          page forms and the browser's small tus client (progress, resume on retry)
    access.py             access copies: ffmpeg → H.264/AAC faststart MP4 and a poster JPEG,
                          content-addressed, queued on commit after an upload (task evidence.make_access_copy)
    gaps.py               gaps between AV segments of one act and the officer's recorded reason (R-REC-03)
    requirements.py       av_requirement_met (the AV guard hook of the case workflow); two-person exemptions
    retention.py          retention class from the AV list; two-person deletion of expired routine recordings
    fixity.py, tasks.py   re-hashing originals (``sanxiang evidence fixity``, task evidence.check_fixity);
                          ``sanxiang evidence access-copies`` and task evidence.build_missing_access_copies
    client.py             the tuspy client behind ``sanxiang upload``

Settings are read in ``conf.py`` (each from Django settings, then the environment).
"""
