// The curation desk's little script (no framework, nothing fetched from
// elsewhere): signs in with the launch data Telegram passes in the URL
// fragment, keeps Telegram's colours, and reloads a page when tickets
// changed elsewhere (the staff group, another desk) while nobody is typing.
(function () {
  "use strict";

  function fragment() {
    var out = {};
    var hash = window.location.hash.replace(/^#/, "");
    hash.split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i > 0) {
        try {
          out[decodeURIComponent(pair.slice(0, i))] = decodeURIComponent(pair.slice(i + 1));
        } catch (e) { /* a malformed pair is skipped */ }
      }
    });
    return out;
  }

  // Telegram's theme colours, kept for the session's other pages.
  function theme(params) {
    var saved = params.tgWebAppThemeParams || sessionStorage.getItem("opop-theme");
    if (!saved) return;
    try {
      var t = JSON.parse(saved);
      var root = document.documentElement.style;
      var map = { bg_color: "--tg-bg", secondary_bg_color: "--tg-card", text_color: "--tg-text",
                  hint_color: "--tg-hint", button_color: "--tg-button", button_text_color: "--tg-button-text" };
      Object.keys(map).forEach(function (k) { if (t[k]) root.setProperty(map[k], t[k]); });
      sessionStorage.setItem("opop-theme", saved);
    } catch (e) { /* no theme */ }
  }

  function signIn(params) {
    var data = params.tgWebAppData;
    var entry = document.getElementById("entry");
    if (!data && entry.getAttribute("data-signed-in") === "true") {
      window.location.replace("/desk/queue");
      return;
    }
    if (!data) {
      var outside = document.getElementById("outside");
      var opening = document.getElementById("opening");
      if (outside) outside.hidden = false;
      if (opening) opening.hidden = true;
      return;
    }
    var body = "init_data=" + encodeURIComponent(data);
    fetch("/desk/session", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: body
    }).then(function (r) {
      if (r.ok) {
        return r.json().then(function (j) { window.location.replace(j.next); });
      }
      return r.text().then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var main = doc.querySelector("main");
        if (main) document.querySelector("main").replaceWith(main);
      });
    });
  }

  // A reload when tickets changed, unless a form is being filled in.
  function watch() {
    var seen = document.body.getAttribute("data-changes");
    if (!document.querySelector("header")) return;
    var typing = false;
    document.addEventListener("input", function () { typing = true; });
    setInterval(function () {
      if (typing || document.hidden) return;
      fetch("/desk/changes", { credentials: "same-origin" }).then(function (r) {
        return r.ok ? r.text() : null;
      }).then(function (now) {
        if (now !== null && now !== seen) window.location.reload();
      }).catch(function () {});
    }, 15000);
  }

  var params = fragment();
  theme(params);
  if (document.getElementById("entry")) signIn(params);
  watch();
})();
