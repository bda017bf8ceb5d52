// The two static files of the web app, served from memory under /static/: the stylesheet and
// the paste box's script (vanilla JS, DOM text nodes only: no data is ever parsed as HTML).

export const STYLE_CSS = `:root {
  --fg: #1d2330; --muted: #5f6b7a; --bg: #fbfbf8; --card: #fff; --line: #e3e1da; --accent: #1f5fa8;
  --direct: #ffe98a; --indirect: #cfe6ff; --mixed: #d6f2cf; --cue: #b3261e; --mention: #6a3fb5;
}
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; color: var(--fg); background: var(--bg);
  font: 1rem/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
header.top { display: flex; gap: 2rem; align-items: baseline; padding: .8rem 2rem; background: #1d2330; }
header.top a { color: #e8ecf3; }
header.top .brand { font-weight: 700; font-size: 1.25rem; letter-spacing: .02em; }
header.top nav { display: flex; gap: 1.3rem; }
header.top nav a[aria-current=page] { border-bottom: 2px solid #ffd34d; }
main { max-width: 1180px; margin: 0 auto; padding: 1.2rem 2rem 3rem; }
footer { text-align: center; color: var(--muted); font-size: .85rem; padding: 1rem; border-top: 1px solid var(--line); }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .6rem 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.4rem 0 .5rem; }
.muted, .meta { color: var(--muted); }
.meta { font-size: .9rem; }
.error { color: #9b1c1c; background: #fdecec; padding: .5rem .8rem; border-radius: 6px; }
code { font-size: .88em; background: #f0efe9; padding: 0 .25em; border-radius: 3px; }
form.search .row { display: flex; gap: .5rem; }
input, select, textarea, button { font: inherit; }
input, select, textarea { border: 1px solid #c9c6bb; border-radius: 6px; padding: .35rem .5rem; background: #fff; }
form.search input[type=search] { flex: 1; font-size: 1.1rem; padding: .55rem .8rem; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 6px; padding: .45rem 1rem; cursor: pointer; }
button:disabled { opacity: .6; }
.filters { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; align-items: center; margin: .6rem 0; font-size: .92rem; }
.results h2 .count { font-variant-numeric: tabular-nums; }
ol.hits { padding-left: 1.6rem; }
li.hit { margin: 0 0 1rem; padding: .6rem .8rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
li.hit .title { font-weight: 600; font-size: 1.05rem; }
.snippet { margin: .3rem 0 0; }
mark.hl { background: #ffd34d; padding: 0 .1em; border-radius: 2px; }
blockquote { margin: 0 0 .3rem; padding: .1rem .7rem; border-left: 4px solid #c9c6bb; font-style: italic; }
blockquote.k-direct { border-color: #e0b400; }
blockquote.k-indirect { border-color: #5b9be0; }
blockquote.k-mixed { border-color: #5fb552; }
.kind { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.speaker { font-weight: 600; }
.pager { display: flex; gap: 1.5rem; margin: 1rem 0; }
table.list { border-collapse: collapse; width: 100%; background: var(--card); }
table.list th, table.list td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
table.list th { font-size: .85rem; color: var(--muted); font-weight: 600; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.nowrap { white-space: nowrap; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 2rem; align-items: start; }
.text { white-space: pre-wrap; background: var(--card); border: 1px solid var(--line); border-radius: 8px;
  padding: 1.2rem 1.4rem; font-family: Georgia, "DejaVu Serif", serif; font-size: 1.06rem; line-height: 1.75; }
mark.q { padding: .05em 0; border-radius: 2px; color: inherit; }
mark.q.k-direct { background: var(--direct); }
mark.q.k-indirect { background: var(--indirect); }
mark.q.k-mixed { background: var(--mixed); }
mark.q mark.q { box-shadow: inset 0 -2px 0 #8a7a2a; }
mark.q:target { outline: 2px solid var(--accent); }
.cue { color: var(--cue); font-weight: 600; border-bottom: 2px dotted var(--cue); }
a.mention, .mention-text { color: var(--mention); font-weight: 600; border-bottom: 2px solid var(--mention); }
.qtag { display: inline-block; font: 600 .7rem/1.4 system-ui, sans-serif; vertical-align: .35em; margin: 0 .15em;
  padding: 0 .35em; border-radius: 8px; background: #1d2330; color: #fff !important; white-space: nowrap; }
.qtag.none { background: #8b8b8b; }
.legend { font-size: .85rem; display: flex; flex-wrap: wrap; gap: .8rem; align-items: center; }
aside .panel { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .3rem .9rem .6rem; margin-bottom: 1rem; font-size: .9rem; }
aside h2 { font-size: 1rem; margin: .6rem 0 .4rem; }
aside ol, aside ul { padding-left: 1.1rem; margin: 0; }
aside li { margin: .3rem 0; }
.qid { font-weight: 700; }
span.kind.k-direct, span.kind.k-indirect, span.kind.k-mixed { padding: 0 .3em; border-radius: 3px; color: var(--fg); }
span.kind.k-direct { background: var(--direct); }
span.kind.k-indirect { background: var(--indirect); }
span.kind.k-mixed { background: var(--mixed); }
.etype { font-size: .72rem; text-transform: uppercase; color: #fff; background: #7b8794; border-radius: 3px; padding: 0 .3em; }
.etype.t-person { background: #6a3fb5; }
.etype.t-organization { background: #1f5fa8; }
.etype.t-place { background: #2f7d4a; }
.roles { color: var(--muted); font-size: .85rem; }
dl.facts { display: grid; grid-template-columns: 7rem 1fr; gap: .3rem 1rem; background: var(--card);
  border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
dl.facts dd.roles { font-size: 1rem; color: var(--fg); }
svg.chart { width: 100%; height: auto; max-height: 300px; background: var(--card); border: 1px solid var(--line); border-radius: 8px; }
svg.chart .bar { fill: #5b8fd0; }
svg.chart .bar:hover, svg.chart .dot:hover { fill: #ffb000; }
svg.chart .axis { stroke: #9aa3ad; }
svg.chart .ref { stroke: #c9c6bb; stroke-dasharray: 4 4; }
svg.chart .line { fill: none; stroke: #b3418c; stroke-width: 2; }
svg.chart .dot { fill: #b3418c; }
svg.chart text { font: 11px system-ui, sans-serif; fill: #5f6b7a; }
svg.chart .rl { font-size: 12px; fill: #1d2330; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 2rem; }
.stats b { font-variant-numeric: tabular-nums; }
textarea { width: 100%; font-family: Georgia, "DejaVu Serif", serif; font-size: 1rem; }
@media (max-width: 900px) { .layout, .cols { grid-template-columns: 1fr; } main { padding: 1rem; } }
`;

export const PASTE_JS = `// verbatim paste box: POST /analyze, then the text with its quotes marked, built from DOM
// text nodes only (no markup is ever parsed), as the article page does on the server (src/server/annotate.ts).
'use strict';
(function () {
  var form = document.getElementById('paste-form');
  if (!form) return;
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function speakerLink(name, cls, text) {
    var a = el('a', cls, text);
    a.href = '/speakers/' + encodeURIComponent(name);
    return a;
  }
  function annotate(text, quotes) {
    var layers = [];
    quotes.forEach(function (q, i) {
      layers.push({ start: q.start, end: q.end, kind: 'quote', quote: i });
      if (q.cue) layers.push({ start: q.cue.start, end: q.cue.end, kind: 'cue', quote: i });
      if (q.speaker && q.speaker.mention) {
        layers.push({ start: q.speaker.mention.start, end: q.speaker.mention.end, kind: 'mention', quote: i });
      }
    });
    var cuts = [0, text.length];
    layers.forEach(function (l) { if (l.start < l.end) { cuts.push(l.start, l.end); } });
    cuts = cuts.filter(function (v, i, a) { return a.indexOf(v) === i; }).sort(function (a, b) { return a - b; });
    var out = document.createDocumentFragment();
    var opened = {};
    function tag(i) {
      var q = quotes[i];
      if (!q.speaker) return el('span', 'qtag none', q.id + ' · ?');
      return speakerLink(q.speaker.name, 'qtag', q.id + ' · ' + q.speaker.name);
    }
    for (var k = 0; k + 1 < cuts.length; k++) {
      var from = cuts[k], to = cuts[k + 1];
      quotes.forEach(function (q, i) { if (q.end === from && from > 0) out.appendChild(tag(i)); });
      var active = layers.filter(function (l) { return l.start <= from && l.end >= to && l.start < l.end; });
      var node = document.createTextNode(text.slice(from, to));
      active.forEach(function (l) {
        var q = quotes[l.quote];
        var w;
        if (l.kind === 'cue') w = el('span', 'cue');
        else if (l.kind === 'mention' && q.speaker) w = speakerLink(q.speaker.name, 'mention');
        else return;
        w.appendChild(node);
        node = w;
      });
      active.filter(function (l) { return l.kind === 'quote'; })
        .sort(function (a, b) { return (a.end - a.start) - (b.end - b.start); })
        .forEach(function (l) {
          var q = quotes[l.quote];
          var m = el('mark', 'q k-' + q.kind);
          if (!opened[l.quote]) { m.id = 'p-' + q.id; opened[l.quote] = true; }
          m.title = q.id + ' · ' + q.kind + ' · ' + (q.speaker ? q.speaker.name : 'speaker unknown');
          m.appendChild(node);
          node = m;
        });
      out.appendChild(node);
    }
    quotes.forEach(function (q, i) { if (q.end === text.length) out.appendChild(tag(i)); });
    return out;
  }
  function panel(title, items, render) {
    var s = el('section', 'panel');
    var h = el('h2', null, title + ' ');
    h.appendChild(el('span', 'muted', items.length));
    s.appendChild(h);
    var list = el('ul');
    items.forEach(function (x) { var li = el('li'); render(li, x); list.appendChild(li); });
    s.appendChild(list);
    return s;
  }
  function panels(a) {
    var f = document.createDocumentFragment();
    f.appendChild(panel('Quotes', a.quotes, function (li, q) {
      var id = el('a', 'qid', q.id); id.href = '#p-' + q.id; li.appendChild(id);
      li.appendChild(document.createTextNode(' '));
      li.appendChild(el('span', 'kind k-' + q.kind, q.kind));
      li.appendChild(document.createTextNode(' '));
      li.appendChild(q.speaker ? el('span', 'speaker', q.speaker.name + ' (' + q.speaker.type + ')') : el('span', 'muted', 'no speaker found'));
      if (q.cue) li.appendChild(el('div', 'muted', 'cue: ' + q.cue.text));
    }));
    f.appendChild(panel('Entities', a.entities, function (li, e) {
      li.appendChild(el('span', 'etype t-' + e.type, e.type));
      li.appendChild(document.createTextNode(' ' + e.name + (e.type === 'person' && e.gender ? ' (' + e.gender + ')' : '')));
      if (e.roles && e.roles.length) li.appendChild(el('div', 'roles', e.roles.join(' · ')));
    }));
    f.appendChild(panel('Dates', a.dates, function (li, d) {
      li.appendChild(el('q', null, d.text)); li.appendChild(document.createTextNode(' → '));
      li.appendChild(el('code', null, d.value));
    }));
    f.appendChild(panel('Figures', a.figures, function (li, x) {
      li.appendChild(el('q', null, x.text)); li.appendChild(document.createTextNode(' → '));
      li.appendChild(el('code', null, x.value + (x.unit ? ' ' + x.unit : '')));
      if (x.of) li.appendChild(el('span', 'muted', ' of ' + x.of));
    }));
    return f;
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var text = $('paste-text').value;
    var body = { text: text };
    if ($('paste-date').value.trim()) body.date = $('paste-date').value.trim();
    if ($('paste-title').value.trim()) body.title = $('paste-title').value.trim();
    var status = $('paste-status');
    status.textContent = 'Analysing…';
    $('paste-go').disabled = true;
    var t0 = performance.now();
    fetch('/analyze', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body) })
      .then(function (r) { return r.json().then(function (j) { return { ok: r.ok, json: j }; }); })
      .then(function (r) {
        if (!r.ok) throw new Error(r.json && r.json.message ? r.json.message : 'analysis failed');
        var a = r.json;
        $('paste-output').replaceChildren(annotate(text, a.quotes));
        $('paste-panels').replaceChildren(panels(a));
        $('paste-summary').textContent = a.quotes.length + ' quotes, ' + a.entities.length + ' entities, ' +
          a.dates.length + ' dates, ' + a.figures.length + ' figures';
        $('paste-result').hidden = false;
        status.textContent = 'Done in ' + Math.round(performance.now() - t0) + ' ms.';
      })
      .catch(function (e) { status.textContent = 'Error: ' + e.message; })
      .then(function () { $('paste-go').disabled = false; });
  });
})();
`;
