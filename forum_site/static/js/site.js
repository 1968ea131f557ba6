// Small enhancements on top of htmx. The site works fully without this file.
(function () {
  "use strict";

  // A shared computer at a venue: open the warning page before the idle sign-out (the
  // same as the <noscript> refresh does without JavaScript).
  var venueAfter = Number(document.body.getAttribute("data-venue-after"));
  var venueUrl = document.body.getAttribute("data-venue-url");
  if (venueAfter > 0 && venueUrl) {
    var venueTimer = null;
    var startVenueTimer = function () {
      window.clearTimeout(venueTimer);
      venueTimer = window.setTimeout(function () { window.location.assign(venueUrl); }, venueAfter * 1000);
    };
    startVenueTimer();
    document.addEventListener("htmx:afterRequest", startVenueTimer);  // the server saw that too
  }

  // Send the form token with every htmx request: the one in the request's own form, else
  // any on the page (pages without a form have none, and need none).
  document.addEventListener("htmx:configRequest", function (event) {
    var elt = event.detail.elt;
    var form = elt && elt.closest ? elt.closest("form") : null;
    var field = (form && form.querySelector('input[name="csrf_token"]')) ||
      document.querySelector('input[name="csrf_token"]');
    if (field) {
      event.detail.headers["X-CSRFToken"] = field.value;
    }
  });

  // A form with mistakes comes back as 400 (or 422) with the errors in the fragment:
  // show it, as the page without JavaScript would.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 422) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After an htmx update: move focus somewhere sensible and announce the change.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    // An outerHTML swap replaces the target: the event comes from the new element instead.
    if (!document.body.contains(target)) {
      target = event.target;
    }
    if (!target || target.nodeType !== 1 || !document.body.contains(target)) {
      return;
    }
    // A control marked data-keep-focus (the writing checker's textarea) keeps focus while people type.
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    var keepFocus = source && source.closest && source.closest("[data-keep-focus]");
    // In this order: the errors, then what the fragment asks for, then its first heading.
    var focusTarget = target.querySelector(".error-summary") ||
      target.querySelector("[data-focus-after-swap]") ||
      target.querySelector("h2, h3") || target;
    // A button or link can take focus as it is: tabindex="-1" would take it out of the
    // Tab order. Anything else (a heading, a notice) gets it so focus can land there.
    var focusable = focusTarget.matches("a[href], button, input, select, textarea");
    if (!focusable && !focusTarget.hasAttribute("tabindex")) {
      focusTarget.setAttribute("tabindex", "-1");
    }
    if (!keepFocus) {
      focusTarget.focus({ preventScroll: false });
    }
    var announcement = target.querySelector("[data-announce]");
    var live = document.getElementById("live-region");
    if (announcement && live) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = announcement.getAttribute("data-announce"); }, 50);
    }
  });

  // Move focus to the error summary when a page loads with one, as GOV.UK forms do.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  });
})();
