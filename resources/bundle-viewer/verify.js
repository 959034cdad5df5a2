// Kotae answer bundle: checks the files the customer chose (the unzipped bundle folder) against
// manifest.json. A page opened from file:// may not read its neighbours by itself (fetch and XHR
// of file: URLs are refused, and our CSP forbids them anyway), so the customer picks the folder and
// the browser reads exactly those files, locally. The manifest travels inside the bundle: this
// proves the bundle is complete and undamaged; the fingerprint (the manifest's own sha256) is what
// the sender's records hold, for a customer who wants to know it is the bundle they were sent.
// signature.json (issue 15) signs the manifest's exact bytes with the sender's Ed25519 key; it is
// checked with WebCrypto, and where the browser has no Ed25519 the page says so instead of
// claiming anything. The key's fingerprint is formatted as shared/signing/fingerprint.ts does.
(function () {
  'use strict';

  var labels = JSON.parse(document.getElementById('kotae-verify-labels').textContent || '{}');
  var result = document.getElementById('kb-result');
  var table = document.getElementById('kb-files');
  var tbody = table.querySelector('tbody');
  var fingerprintBox = document.getElementById('kb-fingerprint');
  var fingerprintValue = document.getElementById('kb-fingerprint-value');
  var signatureBox = document.getElementById('kb-signed');
  var signatureStatus = document.getElementById('kb-signature-status');
  // The key this page was made to carry the signature of (the sender's, at export).
  var expectedKey = signatureBox ? signatureBox.getAttribute('data-fingerprint') : null;
  var SIGNATURE_FILE = 'signature.json';
  var SLICE = 4 * 1024 * 1024;
  var SUBTLE_MAX = 256 * 1024 * 1024;
  // Files an operating system adds to any folder it shows; they are not part of a bundle.
  var SYSTEM_FILES = /(^|\/)(\.DS_Store|Thumbs\.db|desktop\.ini)$|^__MACOSX\//;

  function format(text, values) {
    return String(text).replace(/\{\{(\w+)\}\}/g, function (_, key) {
      return key in values ? String(values[key]) : '';
    });
  }

  function say(text, tone) {
    result.textContent = text;
    result.className = 'kb-result' + (tone ? ' is-' + tone : '');
  }

  function relativePath(file) {
    var rel = file.webkitRelativePath || file.name;
    // A chosen folder's files come as "Folder/index.html": drop the folder's own name.
    return file.webkitRelativePath ? rel.split('/').slice(1).join('/') : rel;
  }

  function toHex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) out += ('0' + bytes[i].toString(16)).slice(-2);
    return out;
  }

  function readSlice(blob) {
    if (blob.arrayBuffer) return blob.arrayBuffer();
    return new Promise(function (resolve, reject) {
      var reader = new FileReader();
      reader.onload = function () {
        resolve(reader.result);
      };
      reader.onerror = function () {
        reject(reader.error);
      };
      reader.readAsArrayBuffer(blob);
    });
  }

  var subtle =
    window.crypto && window.crypto.subtle && window.isSecureContext !== false ? window.crypto.subtle : null;

  async function sha256(file) {
    if (subtle && file.size <= SUBTLE_MAX) {
      return toHex(await subtle.digest('SHA-256', await readSlice(file)));
    }
    var hash = window.KotaeSha256.create();
    for (var offset = 0; offset < file.size; offset += SLICE) {
      hash.update(new Uint8Array(await readSlice(file.slice(offset, offset + SLICE))));
    }
    return hash.hex();
  }

  async function sha256Hex(bytes) {
    if (subtle) return toHex(await subtle.digest('SHA-256', bytes));
    return window.KotaeSha256.create().update(bytes).hex();
  }

  /** The key's fingerprint: 128 bits of its sha256 in eight groups (shared/signing/fingerprint.ts). */
  async function keyFingerprint(rawKey) {
    return (await sha256Hex(rawKey)).slice(0, 32).toUpperCase().match(/.{4}/g).join(' ');
  }

  function fromBase64(text, length) {
    if (typeof text !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
    var binary = atob(text);
    if (binary.length !== length) return null;
    var out = new Uint8Array(length);
    for (var i = 0; i < length; i++) out[i] = binary.charCodeAt(i);
    return out;
  }

  /**
   * What signature.json says about these manifest bytes: valid (by the key this page names),
   * otherKey, bad, missing (a signed format without it), unsigned (a bundle from before
   * signatures) or unsupported (this browser has no Ed25519).
   */
  async function checkSignature(manifest, manifestBytes, signatureFile) {
    if (!(manifest.formatVersion >= 2)) return { state: 'unsigned' };
    if (!signatureFile) return { state: 'missing' };
    var sig;
    try {
      sig = JSON.parse(new TextDecoder('utf-8').decode(await readSlice(signatureFile)));
    } catch (err) {
      return { state: 'bad' };
    }
    var key =
      sig && sig.format === 'kotae-bundle-signature' && sig.algorithm === 'Ed25519'
        ? fromBase64(sig.publicKey, 32)
        : null;
    var signature = key ? fromBase64(sig.signature, 64) : null;
    if (!key || !signature) return { state: 'bad' };
    var fingerprint = await keyFingerprint(key);
    if (!subtle) return { state: 'unsupported', fingerprint: fingerprint };
    var cryptoKey;
    try {
      cryptoKey = await subtle.importKey('raw', key, { name: 'Ed25519' }, false, ['verify']);
    } catch (err) {
      // NotSupportedError: no Ed25519 in this browser. Anything else: a key that is not one.
      return {
        state: err && err.name === 'NotSupportedError' ? 'unsupported' : 'bad',
        fingerprint: fingerprint,
      };
    }
    var valid = await subtle.verify({ name: 'Ed25519' }, cryptoKey, signature, manifestBytes);
    if (!valid) return { state: 'bad', fingerprint: fingerprint };
    if (expectedKey && expectedKey !== fingerprint) return { state: 'otherKey', fingerprint: fingerprint };
    return { state: 'valid', fingerprint: fingerprint };
  }

  var SIGNATURE_LABELS = {
    valid: 'signatureValid',
    otherKey: 'signatureOtherKey',
    bad: 'signatureBad',
    missing: 'signatureMissing',
    unsigned: 'signatureUnsigned',
    unsupported: 'signatureUnsupported',
  };

  function showSignature(result) {
    if (!signatureStatus) return;
    signatureStatus.textContent = format(labels[SIGNATURE_LABELS[result.state]], {
      fingerprint: result.fingerprint || '',
      expected: expectedKey || '',
    });
    signatureStatus.className =
      'kb-signed__status ' +
      (result.state === 'valid'
        ? 'is-ok'
        : result.state === 'unsigned' || result.state === 'unsupported'
          ? ''
          : 'is-bad');
    signatureStatus.setAttribute('data-state', result.state);
  }

  function row(path, size, ok, status) {
    var tr = document.createElement('tr');
    [path, size === null ? '—' : size.toLocaleString(), status].forEach(function (text, i) {
      var td = document.createElement('td');
      td.textContent = text;
      if (i === 2) td.className = ok ? 'is-ok' : 'is-bad';
      tr.appendChild(td);
    });
    tr.setAttribute('data-path', path);
    tr.setAttribute('data-ok', ok ? 'true' : 'false');
    tbody.appendChild(tr);
  }

  function validManifest(m) {
    return (
      m &&
      m.format === 'kotae-answer-bundle' &&
      Array.isArray(m.files) &&
      m.files.every(function (f) {
        return (
          f &&
          typeof f.path === 'string' &&
          typeof f.size === 'number' &&
          typeof f.sha256 === 'string' &&
          /^[0-9a-f]{64}$/.test(f.sha256)
        );
      })
    );
  }

  async function check(files) {
    tbody.textContent = '';
    table.hidden = true;
    fingerprintBox.hidden = true;
    if (signatureStatus) {
      signatureStatus.textContent = '';
      signatureStatus.removeAttribute('data-state');
    }
    var byPath = {};
    files.forEach(function (file) {
      var rel = relativePath(file);
      if (!SYSTEM_FILES.test(rel)) byPath[rel] = file;
    });
    var manifestFile = byPath['manifest.json'];
    if (!manifestFile) return say(labels.noManifest, 'bad');

    var manifestBytes = new Uint8Array(await readSlice(manifestFile));
    var manifest;
    try {
      manifest = JSON.parse(new TextDecoder('utf-8').decode(manifestBytes));
    } catch (err) {
      manifest = null;
    }
    if (!validManifest(manifest)) return say(labels.badManifest, 'bad');

    var signed = await checkSignature(manifest, manifestBytes, byPath[SIGNATURE_FILE]);
    showSignature(signed);

    var fingerprint = window.KotaeSha256.create().update(manifestBytes).hex();
    fingerprintValue.textContent = fingerprint.match(/.{4}/g).slice(0, 8).join(' ');
    fingerprintValue.setAttribute('title', fingerprint);
    fingerprintBox.hidden = false;
    if (!subtle) say(labels.slow);

    var problems =
      signed.state === 'bad' || signed.state === 'missing' || signed.state === 'otherKey' ? 1 : 0;
    var listed = {};
    if (signed.state !== 'unsigned') listed[SIGNATURE_FILE] = true;
    table.hidden = false;
    for (var i = 0; i < manifest.files.length; i++) {
      var entry = manifest.files[i];
      listed[entry.path] = true;
      say(format(labels.checking, { done: i + 1, total: manifest.files.length }));
      var file = byPath[entry.path];
      if (!file) {
        problems++;
        row(entry.path, null, false, labels.statusMissing);
        continue;
      }
      var same = file.size === entry.size && (await sha256(file)) === entry.sha256;
      if (!same) problems++;
      row(entry.path, file.size, same, same ? labels.statusOk : labels.statusChanged);
    }
    Object.keys(byPath).forEach(function (path) {
      if (path === 'manifest.json' || listed[path]) return;
      problems++;
      row(path, byPath[path].size, false, labels.statusExtra);
    });
    if (problems) say(format(labels.failed, { count: problems }), 'bad');
    else say(format(labels.ok, { count: manifest.files.length + (listed[SIGNATURE_FILE] ? 2 : 1) }), 'ok');
  }

  ['kb-pick-folder', 'kb-pick-files'].forEach(function (id) {
    var input = document.getElementById(id);
    if (!input) return;
    input.addEventListener('change', function () {
      var files = Array.prototype.slice.call(input.files || []);
      check(files).catch(function (err) {
        say(String((err && err.message) || err), 'bad');
      });
    });
  });
})();
