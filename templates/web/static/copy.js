// Copy buttons next to signing links: the link's field is copied to the clipboard (selected when that is refused).
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('button.copy').forEach(function (button) {
    button.addEventListener('click', function () {
      var field = document.getElementById(button.dataset.copy);
      field.select();
      var done = function () { button.textContent = button.dataset.done; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand('copy'); done(); });
      } else {
        document.execCommand('copy');
        done();
      }
    });
  });
});
