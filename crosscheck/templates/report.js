/* crosscheck report filters. Static: it reads the page, and no report data is ever
   written into this script (the page's CSP allows exactly these bytes, by hash). */
(function () {
  "use strict";
  var nav = document.getElementById("filters-nav");
  var form = document.getElementById("filters");
  if (!nav || !form) { return; }
  var groups = Array.prototype.slice.call(document.querySelectorAll("article.group[data-verdict]"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section[data-section-verdict]"));
  var tables = Array.prototype.slice.call(document.querySelectorAll("section.results[data-story]"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="verdict"]'));
  var shown = document.getElementById("shown");

  function norm(s) { return s.toLowerCase().replace(/\s+/g, " "); }
  var haystack = groups.map(function (g) { return norm(g.textContent); });

  function apply() {
    var verdicts = {};
    boxes.forEach(function (box) { verdicts[box.value] = box.checked; });
    var measure = form.elements.measure.value;
    var source = form.elements.source.value;
    var story = form.elements.story ? form.elements.story.value : "";
    var words = norm(form.elements.q.value).split(" ").filter(Boolean);
    var count = 0;
    groups.forEach(function (g, i) {
      var ok = verdicts[g.getAttribute("data-verdict")] !== false &&
        (!measure || g.getAttribute("data-measure") === measure) &&
        (!source || g.getAttribute("data-sources").split("|").indexOf(source) >= 0) &&
        (!story || g.getAttribute("data-story") === story) &&
        words.every(function (w) { return haystack[i].indexOf(w) >= 0; });
      g.hidden = !ok;
      if (ok) { count += 1; }
    });
    sections.forEach(function (s) {
      s.hidden = verdicts[s.getAttribute("data-section-verdict")] === false;
      var note = s.querySelector(".none-match");
      if (note) { note.hidden = !!s.querySelector("article.group:not([hidden])"); }
    });
    // an election results table follows the story filter (its rows are the story's candidates)
    tables.forEach(function (t) { t.hidden = !!story && t.getAttribute("data-story") !== story; });
    shown.textContent = "showing " + count + " of " + groups.length + " groups";
  }

  // A link to something the filters hide (a group, a claim) clears the filters first,
  // so following "part of" or a permalink never silently goes nowhere.
  function revealId(id) {
    var target = id ? document.getElementById(id) : null;
    if (target && target.closest("[hidden]")) { form.reset(); apply(); }
  }
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest('a[href^="#"]') : null;
    if (a) { revealId(decodeURIComponent(a.getAttribute("href").slice(1))); }
  });
  window.addEventListener("hashchange", function () {
    var id = decodeURIComponent(location.hash.slice(1));
    revealId(id);
    var target = id ? document.getElementById(id) : null;
    if (target) { target.scrollIntoView(); }
  });

  // The sticky filter bar must never cover what a link lands on: the page's scroll padding
  // follows the bar's height (it wraps to more lines in a narrow window; static on phones).
  function pad() {
    var sticky = window.getComputedStyle(nav).position === "sticky";
    document.documentElement.style.scrollPaddingTop = sticky ? (nav.offsetHeight + 8) + "px" : "";
  }
  window.addEventListener("resize", pad);

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  nav.hidden = false;
  apply();
  pad();
  if (location.hash) {  // opened at an anchor: land on it again, now clear of the bar
    var id = decodeURIComponent(location.hash.slice(1));
    var target = document.getElementById(id);
    if (target) { revealId(id); target.scrollIntoView(); }
  }
}());
