// Copy buttons on the enrollment scan page. Kept out of the page because the CSP forbids inline script.
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
})();
