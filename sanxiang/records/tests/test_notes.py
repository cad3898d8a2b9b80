"""Signed notes interoperate with golang.org/x/mod/sumdb/note and checkpoints parse byte-exactly."""

from __future__ import annotations

import pytest

from sanxiang.records import notes

# The published example in the documentation of golang.org/x/mod/sumdb/note.
SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
SIGNATURE = "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
NOTE = TEXT + "\n— PeterNeumann " + SIGNATURE + "\n"


def test_go_example_note_verifies_with_its_vkey() -> None:
    """The sumdb/note example note opens with the example verifier key."""
    assert notes.open_note(NOTE, notes.parse_vkey(VKEY)) == TEXT


def test_signing_with_the_example_key_reproduces_the_example_note() -> None:
    """Ed25519 is deterministic: our signer produces exactly the published note and vkey."""
    name, key = notes.parse_skey(SKEY)
    assert notes.vkey(name, key.public_key()) == VKEY
    assert notes.sign(TEXT, name=name, key=key) == NOTE


@pytest.mark.parametrize(
    "forged",
    [
        NOTE.replace("cryptography", "cryptographY"),
        NOTE.replace("x08go", "x08gp"),
        NOTE.replace("PeterNeumann x", "PeterNeuman x"),
        TEXT,
    ],
)
def test_altered_notes_are_rejected(forged: str) -> None:
    """A changed text, signature or key name does not open."""
    with pytest.raises(notes.NoteError):
        notes.open_note(forged, notes.parse_vkey(VKEY))


def test_unknown_signature_lines_are_ignored() -> None:
    """A witness cosignature we do not know does not stop the log's own signature from verifying."""
    cosigned = NOTE + "— witness.example AAAAAAAA\n"
    assert notes.open_note(cosigned, notes.parse_vkey(VKEY)) == TEXT


def test_checkpoint_text_round_trips() -> None:
    """origin, size and root survive the C2SP checkpoint body; leading zeros are refused."""
    text = notes.checkpoint_text("example.com/log", 8, bytes(range(32)))
    assert text.count("\n") == 3
    assert notes.parse_checkpoint(text) == ("example.com/log", 8, bytes(range(32)))
    with pytest.raises(notes.NoteError):
        notes.parse_checkpoint(text.replace("\n8\n", "\n08\n"))
