/* The record-log integrity page: while a verification runs (in a task worker), poll its progress once a second
   and reload the page when it has finished, so the recorded result appears. No text of its own. */
(function () {
  "use strict";
  var box = document.getElementById("verify-progress");
  if (!box || box.hidden) { return; }
  var bar = document.getElementById("verify-bar");
  var percent = document.getElementById("verify-percent");
  function poll() {
    fetch(box.dataset.url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (!state.running) { window.location.reload(); return; }
        bar.value = state.percent;
        percent.textContent = state.percent + "%";
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 1000);
}());
