// warta dashboard: draws the charts of each page from the JSON the server embedded in
// <script type="application/json" id="page-data">. Every label that came from an article goes
// through esc() before plotly sees it (plotly renders a little HTML in labels).
"use strict";
(function () {
  var QUAD = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };
  var COLOR = { 1: "#2b8cbe", 2: "#1a9850", 3: "#f39c12", 4: "#d73027" };
  var CONFIG = { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["sendDataToCloud"] };

  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function data() {
    var el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  }
  function byQuad(rows, el, stacked) {
    var series = {};
    rows.forEach(function (r) {
      var k = r.series != null ? r.series : r.quad_class;
      (series[k] = series[k] || { x: [], y: [] });
      series[k].x.push(r.day); series[k].y.push(r.n);
    });
    var traces = Object.keys(series).sort().map(function (k) {
      return { type: "bar", name: esc(k + " " + (QUAD[k] || "")), x: series[k].x, y: series[k].y,
               marker: { color: COLOR[k] || "#888" } };
    });
    Plotly.newPlot(el, traces, { barmode: stacked ? "stack" : "group", margin: { t: 10, r: 10, b: 40, l: 40 },
      legend: { orientation: "h" }, xaxis: { type: "date", range: dayRange(rows) } }, CONFIG);
  }
  // The days that hold the bulk of the events (2nd to 99.5th percentile, weighted by count), so a
  // few stray dates decades away do not squash the chart; autoscale in the toolbar shows them all.
  function dayRange(rows) {
    var byDay = {}, total = 0;
    rows.forEach(function (r) { byDay[r.day] = (byDay[r.day] || 0) + r.n; total += r.n; });
    var days = Object.keys(byDay).sort();
    if (days.length < 2) return undefined;
    var acc = 0, lo = days[0], hi = days[days.length - 1], gotLo = false;
    days.forEach(function (d) {
      acc += byDay[d];
      if (!gotLo && acc >= 0.02 * total) { lo = d; gotLo = true; }
      if (acc <= 0.995 * total) hi = d;
    });
    var pad = 86400000;
    return [new Date(Date.parse(lo) - pad).toISOString().slice(0, 10),
            new Date(Date.parse(days[days.length - 1] > hi ? nextDay(hi) : hi) + pad).toISOString().slice(0, 10)];
  }
  function nextDay(d) { return new Date(Date.parse(d) + 86400000).toISOString().slice(0, 10); }
  function goTo(url) { window.location.href = url; }

  var pages = {
    overview: function (d) {
      byQuad(d.timeline, "chart-timeline", true);
      Plotly.newPlot("chart-types", [{ type: "bar", x: d.by_type.map(function (r) { return esc(r.event_type); }),
        y: d.by_type.map(function (r) { return r.n; }), marker: { color: "#1f2d3d" } }],
        { margin: { t: 10, r: 10, b: 80, l: 40 } }, CONFIG);
    },
    actors: function (d) {
      if (d && d.timeline && document.getElementById("chart-timeline")) {
        byQuad(d.timeline.map(function (r) { return { day: r.day, series: r.quad_class, n: r.n }; }), "chart-timeline", true);
      }
    },
    network: function (d) {
      var pos = {};
      d.nodes.forEach(function (n) { pos[n.key] = n; });
      var traces = [];
      [1, 2, 3, 4].forEach(function (q) {
        var x = [], y = [];
        d.edges.forEach(function (e) {
          var a = pos[e.source], b = pos[e.target];
          if (!a || !b) return;
          var top = [e.q1, e.q2, e.q3, e.q4].indexOf(Math.max(e.q1, e.q2, e.q3, e.q4)) + 1;
          if (top !== q) return;
          x.push(a.x, b.x, null); y.push(a.y, b.y, null);
        });
        if (x.length) traces.push({ type: "scatter", mode: "lines", x: x, y: y, hoverinfo: "skip",
          line: { color: COLOR[q], width: 1.2 }, name: esc(q + " " + QUAD[q]), opacity: 0.6 });
      });
      var maxW = Math.max.apply(null, d.nodes.map(function (n) { return n.weight; }).concat([1]));
      traces.push({ type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
        x: d.nodes.map(function (n) { return n.x; }), y: d.nodes.map(function (n) { return n.y; }),
        text: d.nodes.map(function (n) { return esc(n.label); }), textposition: "top center",
        customdata: d.nodes.map(function (n) { return n.key; }),
        hovertext: d.nodes.map(function (n) { return esc(n.label) + " (" + esc(n.key) + "): " + n.weight + " events"; }),
        hoverinfo: "text",
        marker: { size: d.nodes.map(function (n) { return 8 + 26 * Math.sqrt(n.weight / maxW); }), color: "#1f2d3d",
                  line: { color: "#fff", width: 1 } } });
      Plotly.newPlot("chart-network", traces, { margin: { t: 10, r: 10, b: 10, l: 10 }, hovermode: "closest",
        xaxis: { visible: false }, yaxis: { visible: false }, legend: { orientation: "h" } }, CONFIG);
      document.getElementById("chart-network").on("plotly_click", function (ev) {
        var p = ev.points[0];
        if (p && p.customdata) goTo("/actors/" + encodeURIComponent(p.customdata));
      });
    },
    map: function (d) {
      var el = document.getElementById("chart-map");
      fetch("/static/world-110m.json").then(function (r) { return r.json(); }).then(function (world) {
        var x = [], y = [];
        world.lines.forEach(function (l) {
          for (var i = 0; i < l.length; i += 2) { x.push(l[i]); y.push(l[i + 1]); }
          x.push(null); y.push(null);
        });
        var traces = [{ type: "scatter", mode: "lines", x: x, y: y, hoverinfo: "skip", showlegend: false,
          line: { color: "#9aa5b1", width: 0.7 } }];
        [1, 2, 3, 4].forEach(function (q) {
          var pts = d.points.filter(function (p) { return p.quad_class === q; });
          if (!pts.length) return;
          traces.push({ type: "scatter", mode: "markers", name: esc(q + " " + QUAD[q]),
            x: pts.map(function (p) { return p.lon; }), y: pts.map(function (p) { return p.lat; }),
            customdata: pts.map(function (p) { return p.article_id; }),
            hovertext: pts.map(function (p) { return esc(p.place) + ": " + p.n + " × " + esc(p.types); }),
            hoverinfo: "text",
            marker: { color: COLOR[q], opacity: 0.75, size: pts.map(function (p) { return 6 + 4 * Math.sqrt(p.n); }),
                      line: { color: "#fff", width: 0.5 } } });
        });
        Plotly.newPlot(el, traces, { margin: { t: 10, r: 10, b: 30, l: 40 }, hovermode: "closest",
          xaxis: { range: [-180, 180], zeroline: false, showgrid: false },
          yaxis: { range: [-60, 85], scaleanchor: "x", zeroline: false, showgrid: false },
          legend: { orientation: "h" }, plot_bgcolor: "#eef3f7" }, CONFIG);
        el.on("plotly_click", function (ev) {
          var p = ev.points[0];
          if (p && p.customdata) goTo("/articles/" + encodeURIComponent(p.customdata));
        });
        el.setAttribute("data-ready", "1");
      });
    },
    articles: function () {
      // article page: clicking a record marks its trigger in the text, and the other way round
      function focus(idx) {
        document.querySelectorAll(".focus").forEach(function (n) { n.classList.remove("focus"); });
        document.querySelectorAll("[data-ev]").forEach(function (n) {
          if (n.getAttribute("data-ev").split(" ").indexOf(String(idx)) >= 0) n.classList.add("focus");
        });
        var rec = document.getElementById("record-ev-" + idx);
        if (rec) rec.classList.add("focus");
      }
      document.querySelectorAll("#records .record").forEach(function (rec) {
        rec.addEventListener("click", function () { focus(rec.getAttribute("data-idx")); });
      });
      document.querySelectorAll("#article-text [data-ev]").forEach(function (n) {
        n.addEventListener("click", function () {
          var idx = n.getAttribute("data-ev").split(" ")[0];
          focus(idx);
          var rec = document.getElementById("record-ev-" + idx);
          if (rec) rec.scrollIntoView({ block: "nearest" });
        });
      });
      var m = /^#ev-(\d+)$/.exec(window.location.hash);
      if (m) focus(m[1]);
    }
  };

  document.addEventListener("DOMContentLoaded", function () {
    var page = document.body.getAttribute("data-page");
    var fn = pages[page];
    if (fn) fn(data());
    document.body.setAttribute("data-drawn", "1");
  });
})();
