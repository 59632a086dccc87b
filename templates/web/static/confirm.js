// A form with data-confirm asks first ("New link", "Mark handed over", "Extend", "Decline"): dismissing sends nothing.
(function () {
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (e) {
      if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
  });
})();
