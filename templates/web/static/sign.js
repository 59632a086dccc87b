// Signing with a key that never leaves the browser: the .p12 is read here (jsrsasign's ASN1HEX walks its DER,
// WebCrypto derives the PBES2 key, decrypts and signs), the service only sees the certificates and the signature.
(function () {
  'use strict';
  var OID = {
    data: '1.2.840.113549.1.7.1', encryptedData: '1.2.840.113549.1.7.6',
    shroudedKeyBag: '1.2.840.113549.1.12.10.1.2', certBag: '1.2.840.113549.1.12.10.1.3',
    x509: '1.2.840.113549.1.9.22.1', localKeyId: '1.2.840.113549.1.9.21',
    pbes2: '1.2.840.113549.1.5.13', pbkdf2: '1.2.840.113549.1.5.12',
    ec: '1.2.840.10045.2.1', rsa: '1.2.840.113549.1.1.1'
  };
  var PRF = { '1.2.840.113549.2.7': 'SHA-1', '1.2.840.113549.2.9': 'SHA-256', '1.2.840.113549.2.10': 'SHA-384', '1.2.840.113549.2.11': 'SHA-512' };
  var AES = { '2.16.840.1.101.3.4.1.2': 128, '2.16.840.1.101.3.4.1.22': 192, '2.16.840.1.101.3.4.1.42': 256 };
  var CURVES = { '1.2.840.10045.3.1.7': 'P-256', '1.3.132.0.34': 'P-384', '1.3.132.0.35': 'P-521' };

  function kids(h, i) { return ASN1HEX.getChildIdx(h, i); }
  function oid(h, i) { return hextooid(ASN1HEX.getV(h, i)); }
  function bytes(hex) { return new Uint8Array(hextoArrayBuffer(hex)); }
  function fail(message) { var e = new Error(message); e.accord = true; return e; }

  /** Decrypts PBES2 (PBKDF2 + AES-CBC) content: {@code alg} is the AlgorithmIdentifier's index in {@code h}. */
  async function decrypt(h, alg, dataHex, password) {
    var a = kids(h, alg);
    if (oid(h, a[0]) !== OID.pbes2) { throw fail('unsupported'); }
    var p = kids(h, a[1]);
    var kdf = kids(h, p[0]);
    if (oid(h, kdf[0]) !== OID.pbkdf2) { throw fail('unsupported'); }
    var kp = kids(h, kdf[1]);
    var salt = bytes(ASN1HEX.getV(h, kp[0]));
    var iterations = parseInt(ASN1HEX.getV(h, kp[1]), 16);
    var hash = 'SHA-1';
    kp.slice(2).forEach(function (i) { if (h.substr(i, 2) === '30') { hash = PRF[oid(h, kids(h, i)[0])] || 'unsupported'; } });
    var enc = kids(h, p[1]);
    var length = AES[oid(h, enc[0])];
    if (!length || hash === 'unsupported') { throw fail('unsupported'); }
    var iv = bytes(ASN1HEX.getV(h, enc[1]));
    var base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveKey']);
    var key = await crypto.subtle.deriveKey({ name: 'PBKDF2', salt: salt, iterations: iterations, hash: hash }, base,
      { name: 'AES-CBC', length: length }, false, ['decrypt']);
    try {
      return ArrayBuffertohex(await crypto.subtle.decrypt({ name: 'AES-CBC', iv: iv }, key, bytes(dataHex)));
    } catch (e) {
      throw fail('password');
    }
  }

  /** The bags of a SafeContents: keys (PKCS#8, decrypted) and certificates, with their localKeyId. */
  async function bags(sc, password, out) {
    for (var i of kids(sc, 0)) {
      var b = kids(sc, i);
      var type = oid(sc, b[0]);
      var value = kids(sc, b[1])[0];
      var keyId = null;
      if (b.length > 2) {
        kids(sc, b[2]).forEach(function (attr) {
          var at = kids(sc, attr);
          if (oid(sc, at[0]) === OID.localKeyId) { keyId = ASN1HEX.getV(sc, kids(sc, at[1])[0]); }
        });
      }
      if (type === OID.shroudedKeyBag) {
        var epki = kids(sc, value);
        out.keys.push({ pkcs8: await decrypt(sc, epki[0], ASN1HEX.getV(sc, epki[1]), password), keyId: keyId });
      } else if (type === OID.certBag) {
        var cb = kids(sc, value);
        if (oid(sc, cb[0]) === OID.x509) { out.certs.push({ der: ASN1HEX.getV(sc, kids(sc, cb[1])[0]), keyId: keyId }); }
      }
    }
  }

  /** Reads a PKCS#12 file: its first private key and its certificates, the key's own certificate first. */
  async function readP12(buffer, password) {
    var h = ArrayBuffertohex(buffer);
    if (!ASN1HEX.isASN1HEX(h)) { throw fail('unusable'); }
    var pfx = kids(h, 0);
    var auth = kids(h, pfx[1]);
    if (oid(h, auth[0]) !== OID.data) { throw fail('unsupported'); }
    var safe = ASN1HEX.getV(h, kids(h, auth[1])[0]);
    var out = { keys: [], certs: [] };
    for (var ci of kids(safe, 0)) {
      var c = kids(safe, ci);
      var type = oid(safe, c[0]);
      if (type === OID.data) {
        await bags(ASN1HEX.getV(safe, kids(safe, c[1])[0]), password, out);
      } else if (type === OID.encryptedData) {
        var eci = kids(safe, kids(safe, kids(safe, c[1])[0])[1]);
        await bags(await decrypt(safe, eci[1], ASN1HEX.getV(safe, eci[2]), password), password, out);
      }
    }
    if (out.keys.length === 0 || out.certs.length === 0) { throw fail('unusable'); }
    var key = out.keys[0];
    out.certs.sort(function (a, b) { return (b.keyId === key.keyId) - (a.keyId === key.keyId); });
    return { pkcs8: key.pkcs8, chain: out.certs.map(function (x) { return hextob64(x.der); }) };
  }

  /** The WebCrypto key and signing algorithm for a PKCS#8 key and the JCA algorithm the service asks for. */
  async function signingKey(pkcs8, jca) {
    var p = kids(pkcs8, 0);
    var alg = kids(pkcs8, p[1]);
    var hash = 'SHA-' + jca.replace(/^SHA(\d+)with.*$/, '$1');
    if (oid(pkcs8, alg[0]) === OID.ec) {
      var curve = CURVES[oid(pkcs8, alg[1])];
      if (!curve) { throw fail('unsupported'); }
      return { key: await crypto.subtle.importKey('pkcs8', bytes(pkcs8), { name: 'ECDSA', namedCurve: curve }, false, ['sign']),
               params: { name: 'ECDSA', hash: hash } };
    }
    if (oid(pkcs8, alg[0]) === OID.rsa) {
      return { key: await crypto.subtle.importKey('pkcs8', bytes(pkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: hash }, false, ['sign']),
               params: { name: 'RSASSA-PKCS1-v1_5' } };
    }
    throw fail('unsupported');
  }

  async function post(url, body) {
    var r = await fetch(url, { method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' }, body: JSON.stringify(body) });
    var json = await r.json().catch(function () { return {}; });
    if (!r.ok) { var e = fail(json.code === 'wrong-signer' ? 'wrong-signer' : 'server'); e.detail = json.detail || ('HTTP ' + r.status);
      e.status = r.status; e.problem = json; throw e; }
    return json;
  }

  async function signHere(form) {
    var token = form.dataset.token;
    var file = form.querySelector('#keystore').files[0];
    if (!file) { throw fail('no-file'); }
    var p12 = await readP12(await file.arrayBuffer(), form.querySelector('#password').value);
    var place = form.querySelector('#place').value;
    var placeRu = form.querySelector('#placeRu').value;
    var data = await post('/api/sign/' + encodeURIComponent(token) + '/data-to-sign',
      { place: place, placeRu: placeRu, certificates: p12.chain });
    var k = await signingKey(p12.pkcs8, data.algorithm);
    var signature = await crypto.subtle.sign(k.params, k.key, bytes(b64tohex(data.dataToSign)));
    await post('/api/sign/' + encodeURIComponent(token) + '/signature', { signatureValue: hextob64(ArrayBuffertohex(signature)) });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var form = document.getElementById('sign-form');
    if (!form) { return; }
    var progress = document.getElementById('sign-progress');
    form.addEventListener('submit', function (event) {
      var chosen = form.querySelector('input[name="method"]:checked');
      if (!chosen || chosen.value !== 'browser') { return; }
      event.preventDefault();
      if (!form.reportValidity()) { return; }
      var button = document.getElementById('sign-submit');
      button.disabled = true;
      progress.textContent = form.dataset.working;
      signHere(form).then(function () {
        window.location.assign('/sign/' + encodeURIComponent(form.dataset.token));
      }, function (e) {
        button.disabled = false;
        var words = { 'password': form.dataset.wrongPassword, 'no-file': form.dataset.noFile, 'unusable': form.dataset.unusable,
                      'unsupported': form.dataset.unsupported };
        progress.textContent = '';
        if (e.message === 'wrong-signer') {
          // next to the keystore field: this certificate is not the one that signs for the party
          var near = document.getElementById('keystore-error') || document.createElement('p');
          near.id = 'keystore-error';
          near.className = 'notice error';
          near.setAttribute('role', 'alert');
          near.textContent = form.dataset.wrongSigner.replace('{0}', e.problem.certificateName)
            .replace('{1}', form.dataset.party).replace('{2}', e.problem.designatedSigner);
          var help = document.getElementById('keystore-help');
          help.parentNode.insertBefore(near, help.nextSibling);
          return;
        }
        var box = document.getElementById('sign-error') || document.createElement('p');
        box.id = 'sign-error';
        box.className = 'notice error';
        box.setAttribute('role', 'alert');
        box.textContent = words[e.message] || (form.dataset.failed + ' ' + (e.detail || e.message));
        // next to the field it concerns, which gets the focus; else above the button: never out of sight
        var field = { 'password': 'password', 'no-file': 'keystore', 'unusable': 'keystore' }[e.message];
        var input = field ? document.getElementById(field) : null;
        if (input) {
          input.parentNode.insertBefore(box, input.nextSibling);
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', 'sign-error');
          input.focus();
        } else {
          button.parentNode.insertBefore(box, button);
          box.setAttribute('tabindex', '-1');
          box.focus();
        }
      });
    });
  });
})();
