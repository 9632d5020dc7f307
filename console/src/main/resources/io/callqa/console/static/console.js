// callqa console: the live alerts panel, the agent view of a live call, and the recording that
// the transcript follows.
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

  function clockOf(t) {
    if (typeof t !== 'number') { return ''; }
    var s = Math.round(t);
    return Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
  }

  function line(parent, className, text) {
    var div = document.createElement('div');
    div.className = className;
    div.textContent = text;
    parent.appendChild(div);
    return div;
  }

  // The list of live calls is one cheap query: reload it every few seconds while it is open.
  if (document.getElementById('live-calls') || document.getElementById('no-live-calls')) {
    setTimeout(function () { window.location.reload(); }, 5000);
    return;
  }

  // Agent view: the steps suggested for one live call (withdrawn once done) and its alerts.
  var view = document.getElementById('agent-view');
  if (view) {
    var callId = view.dataset.call;
    var t = view.dataset;
    var open = document.getElementById('suggestions');
    var done = document.getElementById('done');
    var callAlerts = document.getElementById('call-alerts');
    var viewState = document.getElementById('live-state');
    var steps = {};

    var placeholder = function (list, text) {
      var real = list.querySelectorAll('li:not(.empty)').length;
      var empty = list.querySelector('li.empty');
      if (real === 0 && !empty) {
        var li = document.createElement('li');
        li.className = 'empty hint';
        li.textContent = text;
        list.appendChild(li);
      } else if (real > 0 && empty) {
        list.removeChild(empty);
      }
    };

    var renderStep = function (key) {
      var st = steps[key];
      var s = st.suggested;
      var w = st.withdrawn;
      var li = document.createElement('li');
      li.id = 'step-' + key;
      li.className = 'step' + (w ? ' done' : '') + (st.fresh ? ' new' : '');
      li.dataset.playbook = (s || w).playbook;
      li.dataset.step = (s || w).step;
      line(li, 'step-text', s ? s.text : (w.playbook + ' / ' + w.step));
      if (s && !w) {
        (s.phrases || []).forEach(function (p) { line(li, 'say', t.tSay + ' “' + p + '”'); });
        (s.snippets || []).forEach(function (k) { line(li, 'knowledge', t.tKnowledge + ' ' + k); });
        if (s.triggered_by) {
          line(li, 'hint', t.tBecause + ' “' + s.triggered_by + '” @' + clockOf(s.t));
        }
      }
      if (w) {
        line(li, 'hint', t.tDoneby + ' “' + (w.done_by || '') + '” @' + clockOf(w.t));
      }
      var old = document.getElementById(li.id);
      if (old) { old.parentNode.removeChild(old); }
      (w ? done : open).appendChild(li);
      placeholder(open, t.tNone);
    };

    var onAssist = function (e, fresh) {
      var key = (e.playbook + '--' + e.step).replace(/[^A-Za-z0-9_-]/g, '_');
      var st = steps[key] || (steps[key] = {});
      st[e.type] = e;
      st.fresh = fresh;
      renderStep(key);
    };

    var onAlert = function (a, fresh) {
      var li = document.createElement('li');
      li.id = 'call-alert-' + a.id;
      li.className = 'call-alert severity-' + a.severity + (a.type === 'abuse' ? ' abuse' : '') +
        (fresh ? ' new' : '');
      line(li, 'alert-head', a.type + ' · ' + a.severity + ' @' + clockOf(a.t));
      line(li, 'alert-message', a.message);
      if (a['abuse.notice']) {
        var n = line(li, 'notice', '');
        var strong = document.createElement('strong');
        strong.textContent = t.tNotice + ' ';
        n.appendChild(strong);
        n.appendChild(document.createTextNode(a['abuse.notice']));
      }
      var old = document.getElementById(li.id);
      if (old) {
        callAlerts.replaceChild(li, old);
      } else if (fresh) {
        callAlerts.insertBefore(li, callAlerts.firstChild);
      } else {
        callAlerts.appendChild(li);
      }
      placeholder(callAlerts, t.tNoalerts);
    };

    placeholder(open, t.tNone);
    placeholder(callAlerts, t.tNoalerts);
    fetch('/api/live/' + encodeURIComponent(callId)).then(function (r) { return r.json(); })
      .then(function (data) {
        data.assist.forEach(function (e) { onAssist(e, false); });
        data.alerts.forEach(function (a) { onAlert(a, false); });
        var source = new EventSource('/live/' + encodeURIComponent(callId) + '/stream');
        source.addEventListener('open', function () {
          viewState.textContent = t.tLive;
          viewState.className = 'state live';
        });
        source.addEventListener('error', function () {
          viewState.textContent = t.tOffline;
          viewState.className = 'state offline';
        });
        source.addEventListener('assist', function (e) { onAssist(JSON.parse(e.data), true); });
        source.addEventListener('alert', function (e) { onAlert(JSON.parse(e.data), true); });
      });
    return;
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
