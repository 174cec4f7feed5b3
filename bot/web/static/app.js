/* modbot workspace: keyboard work on the queue, decisions without a page reload, confirmations.
   No inline script anywhere (the CSP forbids it); everything works without this file too. */
(function () {
  "use strict";
  var live = document.getElementById("live");

  function say(text, ok) {
    if (!live) return;
    live.textContent = text;
    live.className = "flash" + (ok ? "" : " error");
  }

  /* data-confirm on a form: ask before sending. */
  document.addEventListener("submit", function (ev) {
    var form = ev.target;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) { ev.preventDefault(); return; }
    if (form.id === "bulk") {
      var n = document.querySelectorAll('input[type=checkbox][form=bulk]:checked').length;
      if (!n) { ev.preventDefault(); say("Не выбран ни один комментарий", false); return; }
      var btn = ev.submitter;
      if (btn && btn.value !== "keep" && !window.confirm("Применить «" + btn.textContent.trim() + "» к " + n + " комментариям?")) {
        ev.preventDefault();
      }
    }
  }, true);

  /* Queue decisions: send with fetch, drop the card, move on (falls back to a normal post). */
  function decideAjax(form, action) {
    var data = new FormData(form);
    data.set("action", action);
    if (action !== "delete_and_ban") data.delete("ban_days");
    var item = form.closest(".item");
    return fetch(form.getAttribute("action"), {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "X-CSRF-Token": data.get("csrf") || "" }
    }).then(function (resp) {
      return resp.json().then(function (body) { return { status: resp.status, body: body }; });
    }).then(function (r) {
      say(r.body.message || (r.body.ok ? "Готово" : "Ошибка"), r.body.ok);
      if (item && (r.body.ok || r.status === 409)) {
        var next = nextItem(item, 1) || nextItem(item, -1);
        item.classList.add("gone");
        window.setTimeout(function () { item.remove(); if (next) focusItem(next); }, r.body.ok ? 150 : 1500);
      }
      return r.body.ok;
    }).catch(function () { form.submit(); });
  }

  document.addEventListener("click", function (ev) {
    var btn = ev.target.closest("form.decide button[name=action]");
    if (!btn || !btn.closest(".item") || !window.fetch) return;
    ev.preventDefault();
    decideAjax(btn.form, btn.value);
  });

  /* Bulk selection */
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll('input[type=checkbox][form=bulk]').forEach(function (cb) { cb.checked = all.checked; });
    });
  }

  /* Keyboard: j/k move, a keep, d delete, b delete and ban, x select. */
  function items() { return Array.prototype.slice.call(document.querySelectorAll("li.item:not(.gone)")); }
  function current() { return document.querySelector("li.item.current"); }
  function nextItem(item, step) {
    var list = items();
    var i = list.indexOf(item);
    return list[i + step] || null;
  }
  function focusItem(item, quiet) {
    var cur = current();
    if (cur) cur.classList.remove("current");
    if (!item) return;
    item.classList.add("current");
    if (quiet) return;
    item.focus({ preventScroll: true });
    item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var tag = (ev.target.tagName || "").toLowerCase();
    if (tag === "input" || tag === "textarea" || tag === "select" || ev.target.isContentEditable) return;
    var list = items();
    if (!list.length) return;
    var cur = current();
    var key = ev.key.toLowerCase();
    if (key === "j" || key === "о") { focusItem(cur ? nextItem(cur, 1) || cur : list[0]); ev.preventDefault(); return; }
    if (key === "k" || key === "л") { focusItem(cur ? nextItem(cur, -1) || cur : list[0]); ev.preventDefault(); return; }
    if (!cur) return;
    if (key === "x" || key === "ч") {
      var cb = cur.querySelector('input[type=checkbox][form=bulk]');
      if (cb) cb.checked = !cb.checked;
      ev.preventDefault();
      return;
    }
    var map = { a: "keep", "ф": "keep", d: "delete", "в": "delete", b: "delete_and_ban", "и": "delete_and_ban" };
    var action = map[key];
    if (!action) return;
    var form = cur.querySelector("form.decide");
    if (!form) return;
    ev.preventDefault();
    if (window.fetch) { decideAjax(form, action); }
    else { var b = form.querySelector('button[value="' + action + '"]'); if (b) b.click(); }
  });

  if (document.querySelector("li.item")) focusItem(items()[0], true);
})();
