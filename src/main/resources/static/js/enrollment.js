// The enrollment scan page: copy the key, show the key, count down to the deadline. Kept out of the page because
// the CSP forbids inline script; every text it shows comes from the page's data attributes (the message bundle).
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy-target]').forEach(function (button) {
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (!target || !navigator.clipboard) {
        return;
      }
      // Apps want the key without the spaces that make it readable.
      navigator.clipboard.writeText(target.textContent.replace(/\s+/g, '')).then(function () {
        var label = button.textContent;
        button.textContent = button.getAttribute('data-copied-text') || label;
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });

  // The key stays hidden until asked for, as on AWS's console: a glance at the screen should not copy it.
  var show = document.getElementById('show-secret');
  if (show) {
    show.addEventListener('click', function () {
      var box = document.getElementById(show.getAttribute('aria-controls'));
      var expanded = show.getAttribute('aria-expanded') === 'true';
      box.hidden = expanded;
      show.setAttribute('aria-expanded', String(!expanded));
      if (!show.hasAttribute('data-show-text')) {
        show.setAttribute('data-show-text', show.textContent);
      }
      show.textContent = show.getAttribute(expanded ? 'data-show-text' : 'data-hide-text');
    });
  }

  // Counted from the page's arrival with the seconds the server gave, so a wrong clock on the phone does not matter.
  var countdown = document.getElementById('enrollment-countdown');
  if (countdown) {
    var deadline = Date.now() + Number(countdown.getAttribute('data-seconds-left')) * 1000;
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      if (left === 0) {
        countdown.textContent = countdown.getAttribute('data-over-text');
        return;
      }
      var time = Math.floor(left / 60) + ':' + String(left % 60).padStart(2, '0');
      countdown.textContent = countdown.getAttribute('data-countdown-text').replace('{0}', time);
      setTimeout(tick, 1000);
    };
    countdown.hidden = false;
    tick();
  }
}());
