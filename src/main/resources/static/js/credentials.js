// /credentials: the result page's countdown to the expiry and copy buttons; the keyless form's busy button.
// Loaded from the page (CSP script-src 'self': no inline script, no onclick attributes).
(function () {
  'use strict';

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function startCountdown() {
    var time = document.getElementById('session-expiration');
    var output = document.getElementById('session-countdown');
    if (!time || !output) {
      return;
    }
    var expires = Date.parse(time.getAttribute('datetime'));
    function tick() {
      var left = Math.max(0, Math.floor((expires - Date.now()) / 1000));
      var hours = Math.floor(left / 3600);
      var minutes = Math.floor((left % 3600) / 60);
      // The words come from the page (the message bundle), so the countdown speaks the page's language.
      output.textContent = left === 0 ? (output.dataset.expired || 'expired')
        : (output.dataset.countdownFormat || '{h} h {m} min {s} s').replace('{h}', hours).replace('{m}', pad(minutes))
          .replace('{s}', pad(left % 60));
      output.classList.toggle('expired', left === 0);
      if (left > 0) {
        window.setTimeout(tick, 1000 - (Date.now() % 1000));
      }
    }
    tick();
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain-HTTP fallback (clipboard API needs a secure context).
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'absolute';
    area.style.left = '-9999px';
    document.body.appendChild(area);
    area.select();
    try {
      document.execCommand('copy');
    } finally {
      document.body.removeChild(area);
    }
    return Promise.resolve();
  }

  function wireCopyButtons() {
    document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
      var label = button.textContent;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        copyText(source.textContent).then(function () {
          button.textContent = button.getAttribute('data-copied') || label;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // Keyless form: the server may wait up to 20 s for a new key to reach STS; the button says so meanwhile.
  function wireBusyButton() {
    var form = document.getElementById('issue-credentials');
    var button = form && form.querySelector('button[data-busy]');
    if (!button) {
      return;
    }
    form.addEventListener('submit', function () {
      window.setTimeout(function () {
        button.disabled = true;
        button.classList.add('busy');
        button.textContent = button.getAttribute('data-busy');
      }, 0);
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    startCountdown();
    wireCopyButtons();
    wireBusyButton();
  });
}());
