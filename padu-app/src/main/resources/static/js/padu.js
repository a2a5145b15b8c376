// Shared by every page (the layout loads it first, before any chart script). Anything that puts
// text into HTML (an ECharts tooltip formatter returns HTML, innerHTML, a template string) passes
// every piece of data through padu.html: an agency, provider or service name is typed by a user and
// is text, never markup.
(function () {
  'use strict';
  var entities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };
  window.padu = {
    html: function (value) {
      return value === null || value === undefined ? '' : String(value).replace(/[&<>"'`]/g, function (c) { return entities[c]; });
    }
  };

  // A form with data-confirm asks before it is sent (a delete). Here and not in an onsubmit
  // attribute: the Content-Security-Policy allows no inline handlers.
  document.addEventListener('submit', function (e) {
    var message = e.target.getAttribute && e.target.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { e.preventDefault(); }
  });
}());
