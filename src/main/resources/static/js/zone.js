// Tells the portal the browser's time zone (a cookie it reads on every request), so times are shown in the
// person's own zone. Without script the portal uses the usual zone for the page's language.
(function () {
  'use strict';
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone || document.cookie.indexOf('portal-zone=' + zone) !== -1) {
    return;
  }
  document.cookie = 'portal-zone=' + zone + '; path=/; max-age=31536000; SameSite=Lax';
}());
