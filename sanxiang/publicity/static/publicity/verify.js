/* Checks one publication in the visitor's own browser (Web Crypto: SHA-256 and Ed25519), with nothing but
   public files: the served document, its record-log entry, the c2sp.org/tlog-proof@v1 file and the signed
   checkpoint (docs/records-format.md). Plain JavaScript, no build step, no third-party code. */
"use strict";
(function () {
  const box = document.getElementById("verify");
  if (!box) return;
  const say = document.getElementById("verify-messages").dataset;
  const result = document.getElementById("verify-result");
  const steps = document.getElementById("verify-steps");
  const enc = new TextEncoder();

  function step(label, ok) {
    const li = document.createElement("li");
    li.textContent = (ok ? "✔ " : "✘ ") + label;
    li.dataset.ok = ok ? "1" : "0";
    steps.appendChild(li);
    return ok;
  }
  function finish(state, text) {
    result.dataset.state = state;
    result.textContent = text;
    result.className = "notice " + (state === "ok" ? "success" : state === "failed" ? "danger" : "");
  }
  async function sha256(bytes) {
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }
  function hex(bytes) {
    return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function b64(text) {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  }
  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) { out.set(p, at); at += p.length; }
    return out;
  }
  function equal(a, b) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  async function fetchBytes(url) {
    const response = await fetch(url, { credentials: "omit", cache: "no-store" });
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    return new Uint8Array(await response.arrayBuffer());
  }

  // RFC 9162 §2.1.3.2: recompute the root from the leaf hash and the inclusion path.
  async function rootFromProof(index, size, leaf, path) {
    if (index >= size) return null;
    let fn = index, sn = size - 1, r = leaf;
    for (const p of path) {
      if (sn === 0) return null;
      if (fn % 2 === 1 || fn === sn) {
        r = await sha256(concat(Uint8Array.of(1), p, r));
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
        }
      } else {
        r = await sha256(concat(Uint8Array.of(1), r, p));
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    return sn === 0 ? r : null;
  }

  function parseProof(text) {
    const split = text.indexOf("\n\n");
    const head = text.slice(0, split).split("\n");
    if (head[0] !== "c2sp.org/tlog-proof@v1" || !head[1].startsWith("index ")) throw new Error("not a proof");
    return { index: Number(head[1].slice(6)), path: head.slice(2).map(b64), note: text.slice(split + 2) };
  }

  // c2sp.org/signed-note with an Ed25519 key: "<name>+<hash>+<base64(0x01 || key)>".
  async function signatureValid(note, vkey) {
    // Split at the first two "+" only: the base64 key itself may contain "+".
    const first = vkey.indexOf("+");
    const second = vkey.indexOf("+", first + 1);
    const name = vkey.slice(0, first);
    const keyHash = vkey.slice(first + 1, second);
    const keyB64 = vkey.slice(second + 1);
    const raw = b64(keyB64);
    const cut = note.indexOf("\n\n");
    const text = note.slice(0, cut + 1);
    const lines = note.slice(cut + 2).split("\n").filter((l) => l.startsWith("\u2014 " + name + " "));
    const key = await crypto.subtle.importKey("raw", raw.slice(1), { name: "Ed25519" }, false, ["verify"]);
    for (const line of lines) {
      const sig = b64(line.split(" ").pop());
      if (hex(sig.slice(0, 4)) !== keyHash) continue;
      if (await crypto.subtle.verify({ name: "Ed25519" }, key, sig.slice(4), enc.encode(text))) return true;
    }
    return false;
  }

  async function run() {
    if (!box.dataset.index) { finish("pending", say.pending); return; }
    // The proof first: serving it signs a checkpoint covering the entry if the tree has grown since.
    const proofBytes = await fetchBytes(box.dataset.proof);
    const [doc, entry, current] = await Promise.all(
      [box.dataset.document, box.dataset.entry, box.dataset.checkpoint].map(fetchBytes));
    const proof = parseProof(new TextDecoder().decode(proofBytes));
    const digest = "sha256:" + hex(await sha256(doc));
    const recorded = JSON.parse(new TextDecoder().decode(entry)).data.document_digest;
    let ok = step(say.digest, digest === box.dataset.digest && digest === recorded);
    const body = proof.note.slice(0, proof.note.indexOf("\n\n")).split("\n");
    const size = Number(body[1]);
    const root = await rootFromProof(proof.index, size, await sha256(concat(Uint8Array.of(0), entry)), proof.path);
    ok = step(say.inclusion, root !== null && equal(root, b64(body[2])) && proof.index === Number(box.dataset.index)) && ok;
    let signed;
    try {
      signed = await signatureValid(proof.note, box.dataset.vkey);
    } catch (error) {
      ok = step(say.current, new TextDecoder().decode(current) === proof.note) && ok;
      finish(ok ? "unsupported" : "failed", ok ? say.unsupported : say.failed);
      return;
    }
    ok = step(say.signature, signed) && ok;
    ok = step(say.current, new TextDecoder().decode(current) === proof.note) && ok;
    finish(ok ? "ok" : "failed", ok ? say.ok : say.failed);
  }
  run().catch((error) => finish("failed", say.failed + ": " + error.message));
})();
