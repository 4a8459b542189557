// After a redirect with a message, or a form the portal refused, the message takes the focus: a screen reader
// reads it first and the keyboard goes on from there. Pages mark it data-focus-on-load (and tabindex="-1").
(function () {
  'use strict';
  var message = document.querySelector('[data-focus-on-load]');
  if (message) {
    message.focus();
  }
}());
