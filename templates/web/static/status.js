// Live status of an original: asks the API every 5 seconds and updates the table, until every Party has signed.
(function () {
  var live = document.getElementById('live');
  if (!live) { return; }
  var id = live.dataset.original;
  var format = new Intl.DateTimeFormat(live.dataset.lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
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
          row.querySelector('.at').textContent = p.signedAt ? format.format(new Date(p.signedAt)) + ' UTC' : '';
        });
        if (!status.complete) { setTimeout(refresh, 5000); }
      })
      .catch(function () { setTimeout(refresh, 15000); });
  }
  setTimeout(refresh, 5000);
})();
