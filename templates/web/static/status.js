// Live status of an original: asks the API every 5 seconds and updates the table, until every Party has signed.
(function () {
  var live = document.getElementById('live');
  if (!live) { return; }
  var id = live.dataset.original;
  var lang = live.dataset.lang === 'ru' ? 'ru' : 'en';
  var date = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  var time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
  // the pages' one time format: "2 December 2026, 18:25 UTC" / «2 декабря 2026 года, 18:25 UTC», as the server writes it
  function format(d) {
    var part = {};
    date.formatToParts(d).forEach(function (p) { part[p.type] = p.value; });
    var space = lang === 'ru' ? '\u00A0' : ' ';
    return part.day + space + part.month + ' ' + part.year + (lang === 'ru' ? '\u00A0года' : '') + ', ' + time.format(d) + ' UTC';
  }
  function refresh() {
    fetch('/api/originals/' + encodeURIComponent(id), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (status) {
        if (!status) { return; }
        status.parties.forEach(function (p) {
          var row = document.querySelector('tr[data-party="' + CSS.escape(p.party) + '"]');
          if (!row) { return; }
          var state = row.querySelector('.state');
          var signed = p.status === 'signed';
          state.textContent = signed ? live.dataset.signed : live.dataset.pending;
          state.className = 'state ' + (signed ? 'signed' : 'pending');
          row.querySelector('.signer').textContent = p.signedBy || '';
          row.querySelector('.at').textContent = p.signedAt ? format(new Date(p.signedAt)) : '';
          var link = row.querySelector('.link-state');
          if (link && p.link && live.dataset['link' + p.link.charAt(0).toUpperCase() + p.link.slice(1)]) {
            link.textContent = live.dataset['link' + p.link.charAt(0).toUpperCase() + p.link.slice(1)];
          }
          // a party that has signed takes no new link
          var replace = row.querySelector('form.inline');
          if (signed && replace) { replace.remove(); }
        });
        if (status.complete) {
          live.textContent = live.dataset.complete;
        } else {
          setTimeout(refresh, 5000);
        }
      })
      .catch(function () { setTimeout(refresh, 15000); });
  }
  setTimeout(refresh, 5000);
})();
