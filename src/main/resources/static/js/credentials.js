// /credentials: the form's error summary focus, device ARN hint and busy button; the result page's countdown,
// copy buttons and format tabs. Loaded from the page (CSP script-src 'self': no inline script, no onclick).
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
    var status = document.getElementById('copy-status');
    document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
      var label = button.textContent;
      button.addEventListener('click', function () {
        var source = document.getElementById(button.getAttribute('data-copy-target'));
        copyText(source.textContent).then(function () {
          var copied = button.getAttribute('data-copied') || label;
          button.textContent = copied;
          if (status) {
            status.textContent = copied;
          }
          window.setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // The reader's OS picks the first tab: PowerShell on Windows, else the server's default (bash, which zsh reads
  // too). A tab the reader chose before wins.
  function preferredFormat(tablist) {
    var chosen = null;
    try {
      chosen = window.localStorage.getItem('credentials-format');
    } catch (e) {
      chosen = null;
    }
    if (chosen && tablist.querySelector('[data-tab-format="' + chosen + '"]')) {
      return chosen;
    }
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
    return /^win/i.test(platform) ? 'powershell' : tablist.getAttribute('data-default-format');
  }

  function wireFormatTabs() {
    var tablist = document.querySelector('.format-tabs[role=tablist]');
    if (!tablist) {
      return;
    }
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll('[role=tab]'));
    function select(tab, remember) {
      tabs.forEach(function (other) {
        var selected = other === tab;
        var panel = document.getElementById(other.getAttribute('aria-controls'));
        other.setAttribute('aria-selected', String(selected));
        other.tabIndex = selected ? 0 : -1;
        panel.hidden = !selected;
      });
      if (remember) {
        try {
          window.localStorage.setItem('credentials-format', tab.getAttribute('data-tab-format'));
        } catch (e) {
          // Private mode: the choice is simply not remembered.
        }
      }
    }
    tabs.forEach(function (tab, index) {
      var panel = document.getElementById(tab.getAttribute('aria-controls'));
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      tab.addEventListener('click', function () { select(tab, true); });
      tab.addEventListener('keydown', function (event) {
        var next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 }[event.key];
        if (next === undefined) {
          return;
        }
        event.preventDefault();
        var target = tabs[(next + tabs.length) % tabs.length];
        select(target, true);
        target.focus();
      });
    });
    var first = tablist.querySelector('[data-tab-format="' + preferredFormat(tablist) + '"]') || tabs[0];
    tablist.hidden = false;
    select(first, false);
  }

  // After a refused submission the summary of what to fix takes focus, so a screen reader starts there.
  function focusErrorSummary() {
    var summary = document.getElementById('form-errors');
    if (summary) {
      summary.focus();
    }
  }

  // The hint below the device select names the chosen device's ARN.
  function wireDeviceHint() {
    var select = document.getElementById('serialNumber');
    var hint = document.getElementById('serialNumber-arn');
    if (!select || !hint) {
      return;
    }
    select.addEventListener('change', function () {
      hint.querySelectorAll('code[data-arn]').forEach(function (code) {
        code.hidden = code.getAttribute('data-arn') !== select.value;
      });
    });
  }

  // The portal may wait for AWS (up to 20 s for a key it just created): the button is disabled, so the same
  // code is not sent twice, and the form says what it waits for.
  function wireBusyForm() {
    var form = document.getElementById('issue-credentials');
    var button = form && form.querySelector('button[type=submit]');
    var status = document.getElementById('credentials-busy');
    if (!button) {
      return;
    }
    form.addEventListener('submit', function () {
      window.setTimeout(function () {
        button.disabled = true;
        button.classList.add('busy');
        form.setAttribute('aria-busy', 'true');
        if (status && form.getAttribute('data-busy')) {
          status.textContent = form.getAttribute('data-busy');
        }
      }, 0);
    });
    // Back to this page from the browser's cache: ready again.
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) {
        return;
      }
      button.disabled = false;
      button.classList.remove('busy');
      form.removeAttribute('aria-busy');
      if (status) {
        status.textContent = '';
      }
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    startCountdown();
    wireCopyButtons();
    wireFormatTabs();
    focusErrorSummary();
    wireDeviceHint();
    wireBusyForm();
  });
}());
