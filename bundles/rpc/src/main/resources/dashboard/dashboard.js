// The dashboard of a Jamboree node: JSON-RPC 2.0 over a WebSocket to the page's own host (JIP-2), live through
// subscribeBestBlock and subscribeFinalizedBlock; jamboree_block and jamboree_validators give author, seal kind and κ.
(function () {
  "use strict";
  var ws, nextId = 1, pending = {}, subs = {};
  var best = null, finalized = null, lastBestAt = null;
  var intervals = [], lags = [], recent = [], connected = {}, peersByKey = {};

  function $(id) { return document.getElementById(id); }
  function short(b64) {
    if (!b64) { return "–"; }
    var bin = atob(b64), hex = "";
    for (var i = 0; i < bin.length; i++) { hex += ("0" + bin.charCodeAt(i).toString(16)).slice(-2); }
    return "0x" + hex.slice(0, 8) + "…" + hex.slice(-4);
  }
  function call(method, params) {
    return new Promise(function (resolve, reject) {
      var id = nextId++;
      pending[id] = { resolve: resolve, reject: reject };
      ws.send(JSON.stringify({ jsonrpc: "2.0", id: id, method: method, params: params || [] }));
    });
  }
  function subscribe(method, params, onValue) {
    return call(method, params).then(function (id) { subs[id] = onValue; });
  }
  function chart(canvas, values, color) {
    var c = canvas.getContext("2d"), w = canvas.width, h = canvas.height;
    c.clearRect(0, 0, w, h);
    if (values.length === 0) { return; }
    var max = Math.max.apply(null, values.concat([1])), bw = w / 40;
    c.fillStyle = color;
    values.forEach(function (v, i) {
      var bh = Math.max(1, (v / max) * (h - 14));
      c.fillRect(i * bw + 1, h - bh, bw - 2, bh);
    });
    c.fillStyle = "#556";
    c.font = "11px sans-serif";
    c.fillText("max " + (Math.round(max * 100) / 100), 4, 11);
  }
  function push(list, v) { list.push(v); if (list.length > 40) { list.shift(); } }
  function showLag() {
    if (best && finalized) {
      var lag = best.slot - finalized.slot;
      $("finality-lag").textContent = lag;
      push(lags, lag);
      chart($("chart-lag"), lags, "#c2410c");
    }
  }
  function onBest(b) {
    best = b;
    var now = Date.now();
    if (lastBestAt !== null) { push(intervals, (now - lastBestAt) / 1000); chart($("chart-interval"), intervals, "#2563eb"); }
    lastBestAt = now;
    $("best-slot").textContent = b.slot;
    $("best-hash").textContent = short(b.header_hash);
    showLag();
    call("jamboree_block", [b.header_hash]).then(function (info) {
      if (!info) { return; }
      $("best-author").textContent = info.author_index === null ? "–" : "validator " + info.author_index;
      $("best-seal").textContent = info.seal || "–";
      recent.unshift({ slot: info.slot, hash: info.header_hash, author: info.author_index, seal: info.seal,
        seen: new Date().toLocaleTimeString() });
      if (recent.length > 12) { recent.pop(); }
      var rows = recent.map(function (r) {
        return "<tr><td>" + r.slot + "</td><td><code>" + short(r.hash) + "</code></td><td>" +
          (r.author === null ? "–" : r.author) + "</td><td>" + (r.seal || "–") + "</td><td>" + r.seen + "</td></tr>";
      });
      $("blocks").tBodies[0].innerHTML = rows.join("");
      return call("jamboree_peers").then(function (ps) {
        connected = {};
        $("peer-count").textContent = ps.length;
        peersByKey = {};
        ps.forEach(function (p) { peersByKey[p.ed25519] = p; });
        return call("jamboree_validators", [b.header_hash]);
      }).then(function (vs) {
        if (!vs) { return; }
        var indexByKey = {};
        vs.forEach(function (v) { indexByKey[v.ed25519] = v.index; if (peersByKey[v.ed25519]) { connected[v.index] = true; } });
        $("peers").tBodies[0].innerHTML = Object.keys(peersByKey).map(function (k) {
          var p = peersByKey[k], i = indexByKey[k] !== undefined ? indexByKey[k] : p.validator_index;
          return "<tr><td>" + (i === null || i === undefined ? "–" : i) + "</td><td><code>" + p.address +
            "</code></td><td>" + p.direction + "</td></tr>";
        }).join("");
        $("validators").tBodies[0].innerHTML = vs.map(function (v) {
          var cls = [];
          if (v.index === info.author_index) { cls.push("author"); }
          if (connected[v.index]) { cls.push("connected"); }
          return "<tr" + (cls.length ? " class=\"" + cls.join(" ") + "\"" : "") + "><td>" + v.index +
            "</td><td><code>" + short(v.ed25519) + "</code></td><td><code>" + short(v.bandersnatch) + "</code></td><td>" +
            (connected[v.index] ? "yes" : "–") + "</td></tr>";
        }).join("");
      });
    }).then(function () {
      return call("listServices", [b.header_hash]).then(function (s) {
        $("services").textContent = s.length;
        $("service-ids").textContent = s.length ? s.join(", ") : "–";
      });
    }).then(function () {
      return call("jamboree_workReports", [b.header_hash]).then(function (rs) {
        if (!rs) { return; }
        $("reports").tBodies[0].innerHTML = rs.length === 0 ? "<tr><td colspan=\"3\">none</td></tr>" :
          rs.slice(0, 16).map(function (r) {
            return "<tr><td><code>" + short(r.package_hash) + "</code></td><td>" + (r.core === null ? "–" : r.core) +
              "</td><td class=\"stage-" + r.stage + "\">" + r.stage + "</td></tr>";
          }).join("");
      });
    }).then(function () {
      return call("jamboree_authored").then(function (as) {
        chart($("chart-import"), as.slice(-40).map(function (a) { return a.import_ms; }), "#7c3aed");
      });
    }).catch(function (e) { $("status").textContent = "error: " + e; });
  }
  function onFinalized(f) {
    finalized = f;
    $("finalized-slot").textContent = f.slot;
    $("finalized-hash").textContent = short(f.header_hash);
    showLag();
  }
  function connect() {
    ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/");
    ws.onopen = function () {
      $("status").textContent = "connected to " + location.host;
      call("parameters").then(function (p) {
        $("param-v").textContent = p.V1.val_count;
        $("param-c").textContent = Math.floor(p.V1.val_count / 3);
        $("param-e").textContent = p.V1.epoch_period;
      });
      subscribe("subscribeBestBlock", [], onBest);
      subscribe("subscribeFinalizedBlock", [], onFinalized);
    };
    ws.onmessage = function (ev) {
      var m = JSON.parse(ev.data);
      if (m.id !== undefined && pending[m.id]) {
        var p = pending[m.id];
        delete pending[m.id];
        if (m.error) { p.reject(m.error.message); } else { p.resolve(m.result); }
      } else if (m.params && subs[m.params.subscription]) {
        subs[m.params.subscription](m.params.result);
      }
    };
    ws.onclose = function () {
      $("status").textContent = "disconnected; reconnecting…";
      subs = {};
      setTimeout(connect, 2000);
    };
  }
  connect();
}());
