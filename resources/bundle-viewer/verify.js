// Kotae answer bundle: checks the files the customer chose (the unzipped bundle folder) against
// manifest.json. A page opened from file:// may not read its neighbours by itself (fetch and XHR
// of file: URLs are refused, and our CSP forbids them anyway), so the customer picks the folder and
// the browser reads exactly those files, locally. The manifest travels inside the bundle: this
// proves the bundle is complete and undamaged; the fingerprint (the manifest's own sha256) is what
// the sender's records hold, for a customer who wants to know it is the bundle they were sent.
(function () {
  'use strict';

  var labels = JSON.parse(document.getElementById('kotae-verify-labels').textContent || '{}');
  var result = document.getElementById('kb-result');
  var table = document.getElementById('kb-files');
  var tbody = table.querySelector('tbody');
  var fingerprintBox = document.getElementById('kb-fingerprint');
  var fingerprintValue = document.getElementById('kb-fingerprint-value');
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

    var fingerprint = window.KotaeSha256.create().update(manifestBytes).hex();
    fingerprintValue.textContent = fingerprint.match(/.{4}/g).slice(0, 8).join(' ');
    fingerprintValue.setAttribute('title', fingerprint);
    fingerprintBox.hidden = false;
    if (!subtle) say(labels.slow);

    var problems = 0;
    var listed = {};
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
    else say(format(labels.ok, { count: manifest.files.length + 1 }), 'ok');
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
