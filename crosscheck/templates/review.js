// Keyboard review. Every action also works without JavaScript (links and a plain form).
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  function go(id) { var a = document.getElementById(id); if (a) { window.location.href = a.href; } }
  function choose(value) {
    var r = document.getElementById("decision-" + value);
    if (!r) { return; }
    r.checked = true;
    if (value === "dismissed") { document.getElementById("reason").focus(); return; }
    var who = document.getElementById("reviewer");
    if (!who.value) { who.focus(); return; }
    document.getElementById("decision-form").requestSubmit();
  }
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) { return; }
    switch (e.key) {
      case "j": go("next-link"); break;
      case "k": go("prev-link"); break;
      case "c": choose("confirmed"); break;
      case "d": choose("dismissed"); break;
      case "f": choose("follow_up"); break;
      case "t": choose("cannot_tell"); break;          // a dispute: cannot tell whose figure is right
      default:
        if (/^[1-9]$/.test(e.key) && document.getElementById("decision-figure-" + e.key)) {
          choose("figure-" + e.key);                    // a dispute: figure N is right
          break;
        }
        return;
    }
    e.preventDefault();
  });
  var reason = document.getElementById("reason");
  if (reason) {
    reason.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && reason.value) {
        e.preventDefault();
        document.getElementById("decision-dismissed").checked = true;
        var who = document.getElementById("reviewer");
        if (!who.value) { who.focus(); } else { document.getElementById("decision-form").requestSubmit(); }
      }
    });
  }
})();
