// callqa console: the live alerts panel and the recording that the transcript follows.
// Every value from the server is written with textContent, never as HTML.
(function () {
  'use strict';
  var csrf = document.body.getAttribute('data-csrf');

  // Call detail: highlight the utterance being played; click a time to play from there.
  var player = document.getElementById('player');
  if (player) {
    var lines = Array.prototype.slice.call(document.querySelectorAll('li.utt'));
    player.addEventListener('timeupdate', function () {
      var t = player.currentTime;
      lines.forEach(function (li) {
        var on = t >= parseFloat(li.dataset.start) && t < parseFloat(li.dataset.end);
        if (on && !li.classList.contains('playing')) {
          li.scrollIntoView({ block: 'nearest' });
        }
        li.classList.toggle('playing', on);
      });
    });
    lines.forEach(function (li) {
      li.querySelector('.time').addEventListener('click', function () {
        player.currentTime = parseFloat(li.dataset.start);
        player.play();
      });
    });
  }

  // Live alerts: load the newest, then add or update rows as the event stream sends them.
  var table = document.getElementById('alerts');
  if (!table) {
    return;
  }
  var tbody = table.querySelector('tbody');
  var canAck = table.dataset.canAck === 'true';
  var canOpen = table.dataset.canOpen === 'true';
  var state = document.getElementById('live-state');
  var openOnly = document.getElementById('open-only');
  var rows = {};

  function cell(tr, text) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    tr.appendChild(td);
    return td;
  }

  function clock(t) {
    if (typeof t !== 'number') { return ''; }
    var s = Math.round(t);
    return Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
  }

  function render(a, fresh) {
    var tr = document.createElement('tr');
    tr.id = 'alert-' + a.id;
    tr.className = 'alert-row' + (a.acknowledged ? ' acked' : '') + (fresh ? ' new' : '');
    tr.dataset.alertId = a.id;
    cell(tr, (a.timestamp || '').replace('T', ' ').replace(/\.\d+Z$|Z$/, ''));
    var call = cell(tr, '');
    if (canOpen && a.call_id) {
      var link = document.createElement('a');
      link.href = '/calls/' + encodeURIComponent(a.call_id);
      link.textContent = a.call_id + ' @' + clock(a.t);
      call.appendChild(link);
    } else {
      call.textContent = (a.call_id || '') + ' @' + clock(a.t);
    }
    cell(tr, a.type + (a.rule_id ? ' (' + a.rule_id + ')' : ''));
    cell(tr, a.severity);
    cell(tr, [a.agent_id, a.team].filter(Boolean).join(' / '));
    var msg = cell(tr, a.message);
    if (a.text) {
      var q = document.createElement('div');
      q.className = 'hint';
      q.textContent = '“' + a.text + '”';
      msg.appendChild(q);
    }
    var ack = cell(tr, '');
    if (a.acknowledged) {
      ack.textContent = '✔ ' + table.dataset.tAcked.replace('{0}', a.acknowledged_by || '');
    } else if (canAck) {
      var button = document.createElement('button');
      button.className = 'ack';
      button.textContent = table.dataset.tAcknowledge;
      button.addEventListener('click', function () { acknowledge(a.id, button); });
      ack.appendChild(button);
    }
    tr.hidden = openOnly.checked && a.acknowledged;
    var old = rows[a.id];
    if (old) {
      tbody.replaceChild(tr, old);
    } else if (fresh) {
      tbody.insertBefore(tr, tbody.firstChild);
    } else {
      tbody.appendChild(tr);
    }
    rows[a.id] = tr;
  }

  function acknowledge(id, button) {
    button.disabled = true;
    fetch('/alerts/ack', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf },
      body: 'id=' + encodeURIComponent(id)
    }).then(function (r) { if (!r.ok) { button.disabled = false; } });
  }

  openOnly.addEventListener('change', function () {
    Object.keys(rows).forEach(function (id) {
      rows[id].hidden = openOnly.checked && rows[id].classList.contains('acked');
    });
  });

  function load() {
    return fetch('/api/alerts').then(function (r) { return r.json(); }).then(function (list) {
      list.forEach(function (a) { render(a, false); });
    });
  }

  load().then(function () {
    var source = new EventSource('/alerts/stream');
    source.addEventListener('open', function () {
      state.textContent = table.dataset.tLive || 'live';
      state.className = 'state live';
    });
    source.addEventListener('error', function () {
      state.textContent = table.dataset.tOffline || '…';
      state.className = 'state offline';
    });
    source.addEventListener('alert', function (e) {
      render(JSON.parse(e.data), true);
    });
  });
})();
