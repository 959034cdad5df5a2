// Kotae answer bundle viewer: ticks steps off (remembered in this browser), plays the videos with
// chapters and captions, and jumps to the moment a step's video link points at. It runs from
// file:// under a CSP that allows no network and no other script; it reads its data from the JSON
// block the page carries and touches the page only through DOM APIs (no innerHTML).
(function () {
  'use strict';

  var dataElement = document.getElementById('kotae-bundle-data');
  if (!dataElement) return;
  var data;
  try {
    data = JSON.parse(dataElement.textContent || '{}');
  } catch (err) {
    return;
  }
  var root = document.documentElement;
  root.classList.add('kb-js');
  if (typeof data.accent === 'string' && /^#[0-9a-fA-F]{6}$/.test(data.accent)) {
    root.style.setProperty('--kb-accent', data.accent);
  }

  // ---- ticks, remembered per bundle ----
  // localStorage works for file:// pages in current browsers; where it is refused (private modes,
  // strict settings) the ticks last until the page is closed.
  var storageKey = 'kotae-bundle:' + data.bundleUid + ':ticks';
  var memory = {};
  var store = {
    get: function () {
      try {
        return window.localStorage.getItem(storageKey);
      } catch (err) {
        return memory[storageKey] || null;
      }
    },
    set: function (value) {
      try {
        window.localStorage.setItem(storageKey, value);
      } catch (err) {
        memory[storageKey] = value;
      }
    },
  };

  var ticked = {};
  try {
    (JSON.parse(store.get() || '[]') || []).forEach(function (id) {
      ticked[id] = true;
    });
  } catch (err) {
    ticked = {};
  }

  var boxes = Array.prototype.slice.call(document.querySelectorAll('input.step-check'));
  var progress = document.getElementById('kb-progress');
  var progressText = document.getElementById('kb-progress-text');
  var progressFill = document.getElementById('kb-progress-fill');

  function stepOf(box) {
    return box.closest('li.step');
  }

  function render() {
    var done = 0;
    boxes.forEach(function (box) {
      var on = !!ticked[box.getAttribute('data-step')];
      box.checked = on;
      var step = stepOf(box);
      if (step) step.classList.toggle('is-done', on);
      if (on) done += 1;
    });
    if (progress && boxes.length) {
      progress.hidden = false;
      progressText.textContent = String(data.labels.progress)
        .replace('{{done}}', String(done))
        .replace('{{total}}', String(boxes.length));
      progressFill.style.width = Math.round((done / boxes.length) * 100) + '%';
    }
  }

  function save() {
    store.set(
      JSON.stringify(
        Object.keys(ticked).filter(function (id) {
          return ticked[id];
        }),
      ),
    );
  }

  boxes.forEach(function (box) {
    box.addEventListener('change', function () {
      var id = box.getAttribute('data-step');
      if (box.checked) ticked[id] = true;
      else delete ticked[id];
      save();
      render();
    });
  });
  var reset = document.getElementById('kb-reset');
  if (reset) {
    reset.addEventListener('click', function () {
      ticked = {};
      save();
      render();
    });
  }
  render();

  // ---- videos: captions, chapters, jumps ----
  // Captions are drawn by this script, one cue at a time, from the video's current time. Chromium's
  // own cue rendering left the previous cue on screen after a seek (a chapter clicked while playing,
  // after a pause, or backwards: two captions over the picture, issue 17), and it treats a cue's end
  // as inside the cue, so at a chapter's first frame (a cue boundary) both neighbours were shown.
  // Here a cue covers [start, end): exactly one, or none, is current at any time. The text track is
  // kept ('hidden') so assistive technology still sees the cues; while the video itself is in
  // fullscreen (where nothing of the page is drawn) it shows natively, holding only the current cue.
  var clips = {};
  (data.clips || []).forEach(function (clip) {
    var video = document.getElementById('video-' + clip.id);
    if (!video) return;
    var entry = { clip: clip, video: video, captions: captionsFor(video, clip) };
    clips[clip.id] = entry;
    ['timeupdate', 'seeking', 'seeked', 'loadedmetadata'].forEach(function (name) {
      video.addEventListener(name, function () {
        highlight(clip, video.currentTime);
        if (entry.captions) entry.captions.show(video.currentTime);
      });
    });
  });

  function cueList(clip) {
    return (clip.captions || [])
      .filter(function (cue) {
        return isFinite(cue.startS) && isFinite(cue.endS) && cue.endS > cue.startS && typeof cue.text === 'string';
      })
      .slice()
      .sort(function (a, b) {
        return a.startS - b.startS;
      });
  }

  /** The cue on screen at `time`: the latest one that has started and not ended, or null. */
  function cueAt(cues, time) {
    var current = null;
    for (var i = 0; i < cues.length && cues[i].startS <= time; i++) {
      if (time < cues[i].endS) current = cues[i];
    }
    return current;
  }

  function captionsFor(video, clip) {
    var cues = cueList(clip);
    if (!cues.length) return null;
    // The caption line sits over the picture: the video is wrapped in a stage the line is placed on.
    var stage = document.createElement('div');
    stage.className = 'kb-video__stage';
    video.parentNode.insertBefore(stage, video);
    stage.appendChild(video);
    var line = document.createElement('div');
    line.className = 'kb-caption';
    line.hidden = true;
    stage.appendChild(line);

    var track = null;
    if (typeof window.VTTCue === 'function' && video.addTextTrack) {
      track = video.addTextTrack('captions', data.labels.captions, root.lang || '');
      track.mode = 'hidden';
    }
    var shown = null;
    var trackCue = null;

    function fullscreen() {
      return document.fullscreenElement === video || document.webkitFullscreenElement === video;
    }

    function show(time) {
      var cue = cueAt(cues, time);
      if (track) {
        var mode = fullscreen() ? 'showing' : 'hidden';
        if (track.mode !== mode) track.mode = mode;
      }
      if (cue === shown) return;
      shown = cue;
      // Lines of a cue are separate lines on screen; the text goes in as text, never as markup.
      while (line.firstChild) line.removeChild(line.firstChild);
      if (cue) {
        cue.text.split('\n').forEach(function (text) {
          var span = document.createElement('span');
          span.className = 'kb-caption__line';
          span.textContent = text;
          line.appendChild(span);
        });
      }
      line.hidden = !cue;
      if (track) {
        if (trackCue) track.removeCue(trackCue);
        trackCue = null;
        if (cue) {
          try {
            trackCue = new window.VTTCue(cue.startS, cue.endS, cue.text);
            track.addCue(trackCue);
          } catch (err) {
            trackCue = null; /* a cue the browser refuses still shows in the page's caption line */
          }
        }
      }
    }

    ['fullscreenchange', 'webkitfullscreenchange'].forEach(function (name) {
      document.addEventListener(name, function () {
        show(video.currentTime);
      });
    });
    show(video.currentTime || 0);
    return { show: show };
  }

  function chapterAt(clip, time) {
    var current = null;
    (clip.chapters || []).forEach(function (chapter, i) {
      if (chapter.startS <= time + 0.05) current = i;
    });
    return current;
  }

  function highlight(clip, time) {
    var index = chapterAt(clip, time);
    var links = document.querySelectorAll('a.kb-chapter[data-clip="' + clip.id + '"]');
    var playingStep = null;
    Array.prototype.forEach.call(links, function (link, i) {
      var on = i === index;
      if (on) {
        link.setAttribute('aria-current', 'true');
        playingStep = link.getAttribute('data-step');
      } else {
        link.removeAttribute('aria-current');
      }
    });
    Array.prototype.forEach.call(document.querySelectorAll('li.step'), function (step) {
      step.classList.toggle('is-playing', !!playingStep && step.getAttribute('data-step') === playingStep);
    });
  }

  function jump(clipId, time) {
    var entry = clips[clipId];
    if (!entry) return false;
    var video = entry.video;
    var go = function () {
      video.currentTime = Math.max(0, time);
      highlight(entry.clip, video.currentTime);
      if (entry.captions) entry.captions.show(video.currentTime);
      var playing = video.play();
      if (playing && typeof playing.catch === 'function') playing.catch(function () {});
    };
    if (video.readyState >= 1) go();
    else video.addEventListener('loadedmetadata', go, { once: true });
    var figure = video.closest('figure') || video;
    figure.scrollIntoView({ behavior: 'smooth', block: 'center' });
    return true;
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    var link = target && target.closest ? target.closest('a.kb-chapter, a.step-video') : null;
    if (!link) return;
    var clipId = link.getAttribute('data-clip') || (link.getAttribute('href') || '').replace('#clip-', '');
    var time = parseFloat(link.getAttribute('data-time') || '0');
    if (jump(clipId, isFinite(time) ? time : 0)) event.preventDefault();
  });

  // ---- "Did this solve your problem?" ----
  // The buttons are mailto: links and open the mail program as they are. A computer without one
  // shows nothing, which the page cannot tell; so the text to copy opens beside it, at that verdict.
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('a[data-verdict]') : null;
    if (!button) return;
    var copy = document.getElementById('kb-verdict-copy');
    if (!copy) return;
    copy.open = true;
    var verdict = button.getAttribute('data-verdict');
    var blocks = copy.querySelectorAll('[data-verdict-text]');
    for (var i = 0; i < blocks.length; i++) {
      blocks[i].classList.toggle('is-chosen', blocks[i].getAttribute('data-verdict-text') === verdict);
    }
  });
})();
