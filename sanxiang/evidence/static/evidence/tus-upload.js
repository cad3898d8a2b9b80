/* A small tus 1.0 client for the officer's upload page (no dependencies, no CDN).
   Creates the upload with the form's metadata, sends the file in chunks with a progress bar, and remembers the
   upload's URL in localStorage: pressing Upload again after a network cut asks the server for its offset (HEAD)
   and resumes from there. All user-facing text comes from the form's data-label-* attributes (translated in the
   template), so this file holds none. */
(function () {
  "use strict";
  var DEFAULT_CHUNK = 256 * 1024;
  var form = document.getElementById("evidence-upload");
  if (!form) { return; }
  var bar = document.getElementById("upload-progress");
  var percent = document.getElementById("upload-percent");
  var status = document.getElementById("upload-status");
  var button = document.getElementById("upload-button");

  function field(name) {
    var element = form.elements.namedItem(name);
    return element && element.value ? element.value.trim() : "";
  }
  function csrf() { return field("csrfmiddlewaretoken"); }
  function b64(text) { return btoa(unescape(encodeURIComponent(text))); }
  function say(state, text) { status.dataset.state = state; status.textContent = text; }
  function show(offset, size) {
    var value = size ? Math.floor((offset * 100) / size) : 100;
    bar.value = value;
    percent.textContent = value + "%";
  }
  function metadata(file) {
    var pairs = {
      subject: field("subject_kind") + ":" + field("subject_id"),
      step: field("step"),
      filename: file.name,
      device: field("device"),
      certificate: field("certificate"),
      location: field("location"),
      capture_start: field("capture_start"),
      capture_end: field("capture_end")
    };
    return Object.keys(pairs).filter(function (key) { return pairs[key]; })
      .map(function (key) { return key + " " + b64(pairs[key]); }).join(",");
  }
  function headers(extra) {
    var all = { "Tus-Resumable": "1.0.0", "X-CSRFToken": csrf() };
    Object.keys(extra || {}).forEach(function (key) { all[key] = extra[key]; });
    return all;
  }
  function refused(response) {
    return response.text().then(function (body) {
      var error = new Error(body || String(response.status));
      error.refused = true;
      throw error;
    });
  }
  function resumeKey(file) {
    return ["sanxiang-tus", file.name, file.size, file.lastModified, field("subject_kind"), field("subject_id"),
      field("step")].join("|");
  }

  function start(file) {
    var remembered = localStorage.getItem(resumeKey(file));
    if (!remembered) { return create(file); }
    return fetch(remembered, { method: "HEAD", headers: headers(), credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { localStorage.removeItem(resumeKey(file)); return create(file); }
        return { url: remembered, offset: parseInt(response.headers.get("Upload-Offset"), 10) };
      });
  }
  function create(file) {
    return fetch(form.dataset.endpoint, {
      method: "POST",
      credentials: "same-origin",
      headers: headers({ "Upload-Length": String(file.size), "Upload-Metadata": metadata(file) })
    }).then(function (response) {
      if (response.status !== 201) { return refused(response); }
      var url = new URL(response.headers.get("Location"), window.location.href).toString();
      localStorage.setItem(resumeKey(file), url);
      return { url: url, offset: 0 };
    });
  }
  function send(file, upload) {
    show(upload.offset, file.size);
    var chunk = parseInt(form.dataset.chunk, 10) || DEFAULT_CHUNK;
    var end = Math.min(upload.offset + chunk, file.size);
    return fetch(upload.url, {
      method: "PATCH",
      credentials: "same-origin",
      headers: headers({
        "Upload-Offset": String(upload.offset),
        "Content-Type": "application/offset+octet-stream"
      }),
      body: file.slice(upload.offset, end)
    }).then(function (response) {
      if (response.status !== 204) { return refused(response); }
      var offset = parseInt(response.headers.get("Upload-Offset"), 10);
      var evidence = response.headers.get("Sanxiang-Evidence-Id");
      if (offset >= file.size || evidence) { show(file.size, file.size); return evidence; }
      return send(file, { url: upload.url, offset: offset });
    });
  }
  function finished(file, evidence) {
    localStorage.removeItem(resumeKey(file));
    say("done", form.dataset.labelDone);
    status.dataset.evidence = evidence || "";
    if (evidence) {
      var link = document.createElement("a");
      link.id = "evidence-link";
      link.href = form.dataset.detail.replace(/0\/$/, evidence + "/");
      link.textContent = " → " + evidence;
      status.appendChild(link);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var input = form.elements.namedItem("file");
    var file = input && input.files && input.files[0];
    if (!file) { say("error", form.dataset.labelChoose); return; }
    button.disabled = true;
    say("uploading", form.dataset.labelUploading);
    start(file)
      .then(function (upload) { return send(file, upload); })
      .then(function (evidence) { finished(file, evidence); })
      .catch(function (error) {
        if (error.refused) {
          localStorage.removeItem(resumeKey(file));
          say("refused", form.dataset.labelRefused + " " + error.message);
        } else {
          say("interrupted", form.dataset.labelResuming);
        }
      })
      .then(function () { button.disabled = false; });
  });
}());
