// Progressive enhancement only: everything works without it.
// After answering a question the page reloads at #feedback-<id>; move keyboard and
// screen-reader focus there so the feedback is read out straight away.
(function () {
  var hash = window.location.hash;
  if (!hash || hash.length < 2) return;
  var target = document.getElementById(decodeURIComponent(hash.slice(1)));
  if (target && target.hasAttribute("data-zw-focus-target")) {
    target.focus();
  }
})();
