// The console's only script (no inline script: the Content-Security-Policy forbids it).
// Selects that submit their form when changed (the language switch still has its button for keyboard users).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('form.lang select').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
  // the annual summary's print button
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.addEventListener('click', function () { window.print(); });
  });
});
