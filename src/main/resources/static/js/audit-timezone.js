// Fills the audit filter's time zone with the browser's own, unless the URL already chose one, so dates in
// the filter and the table mean the admin's local days. Without script the zone stays UTC.
document.addEventListener('DOMContentLoaded', function () {
  var field = document.getElementById('audit-zone');
  if (!field || field.dataset.explicit === 'true') {
    return;
  }
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone) {
      field.value = zone;
    }
  } catch (e) {
    // An old browser without Intl: UTC it is.
  }
});
