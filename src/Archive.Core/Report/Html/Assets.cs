namespace Archive.Report.Html;

/// <summary>
/// The report's only style sheet and scripts. They are inlined into every page and allowed by their SHA-256 in the
/// page's Content-Security-Policy, which works from <c>file://</c> (where <c>'self'</c> is unreliable) and lets no
/// other script or style run. Scripts only read data and build elements through <c>textContent</c>.
/// </summary>
internal static class Assets
{
    public const string Style = """
        :root { --ok: #1a7f37; --changed: #9a6700; --dead: #cf222e; --error: #8250df; --muted: #57606a; --line: #d0d7de; --ins: #dafbe1; --insd: #aceebb; --del: #ffebe9; --deld: #ffcecb; --bg: #f6f8fa; }
        * { box-sizing: border-box; }
        body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1f2328; background: #fff; }
        header.top { padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--bg); }
        header.top h1 { margin: 0 0 4px; font-size: 20px; }
        main { padding: 16px 24px; max-width: 1600px; }
        h2 { font-size: 16px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        a { color: #0969da; }
        .muted { color: var(--muted); }
        .badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; background: var(--muted); }
        .badge.unchanged, .badge.ok, .badge.same { background: var(--ok); }
        .badge.changed, .badge.redirect, .badge.resized, .badge.minor { background: var(--changed); }
        .badge.dead, .badge.soft404, .badge.missing, .badge.removed, .badge.major, .badge.replaced { background: var(--dead); }
        .badge.error, .badge.timeout { background: var(--error); }
        .badge.skipped, .badge.cosmetic, .badge.none, .badge.furniture, .badge.resegmented { background: var(--muted); }
        .badge.title, .badge.moved { background: #0969da; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: var(--bg); position: sticky; top: 0; }
        th.sortable { cursor: pointer; user-select: none; }
        th.sortable::after { content: " ↕"; color: var(--muted); }
        th.asc::after { content: " ↑"; } th.desc::after { content: " ↓"; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .controls { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
        .controls button, .controls select, .controls input { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
        .controls button.on { background: #0969da; color: #fff; border-color: #0969da; }
        .facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; }
        .facts dt { color: var(--muted); } .facts dd { margin: 0; overflow-wrap: anywhere; }
        .diff .row { display: grid; grid-template-columns: 1fr 1fr; border-bottom: 1px solid var(--line); }
        .diff .row > div { padding: 4px 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
        .diff .row > div:first-child { border-right: 1px solid var(--line); }
        .diff .head { font-weight: 600; background: var(--bg); }
        .diff .row.insert > div:last-child, .diff .inline.insert { background: var(--ins); }
        .diff .row.delete > div:first-child, .diff .inline.delete { background: var(--del); }
        .diff .row.away > div:first-child { color: var(--muted); background: var(--bg); }
        .diff .row.furniture > div:last-child, .diff .inline.furniture { color: var(--muted); font-size: 90%; }
        .diff .inline { padding: 4px 8px; border-bottom: 1px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
        ins { background: var(--insd); text-decoration: none; }
        del { background: var(--deld); }
        details.same > summary { cursor: pointer; color: var(--muted); padding: 4px 8px; background: var(--bg); border-bottom: 1px solid var(--line); }
        body.view-inline .sbs, body.view-sbs .inl { display: none; }
        .images { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 16px; }
        .image { border: 1px solid var(--line); border-radius: 6px; padding: 8px; }
        .image .pics { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 6px; }
        .image figure { margin: 0; } .image img { max-width: 100%; border: 1px solid var(--line); }
        .image figcaption { font-size: 12px; color: var(--muted); }
        .none { display: grid; place-items: center; min-height: 80px; background: var(--bg); color: var(--muted); border: 1px dashed var(--line); font-size: 12px; text-align: center; padding: 4px; }
        .shots { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; } .shots img { max-width: 100%; border: 1px solid var(--line); }
        svg.chart text { font-size: 12px; fill: #1f2328; }
        .pager { display: flex; gap: 8px; align-items: center; margin: 8px 0; }
        td.reason { max-width: 48ch; overflow-wrap: anywhere; }
        .badge.new { background: #bf3989; }
        td.host { color: var(--muted); white-space: nowrap; }
        td.seed { white-space: nowrap; } td.seed > a:last-child { display: inline-block; white-space: normal; max-width: 28ch; vertical-align: middle; overflow-wrap: anywhere; }
        .thumb { display: inline-block; width: 80px; height: 50px; vertical-align: middle; margin-right: 8px; border: 1px solid var(--line); background: var(--bg); object-fit: cover; }
        svg.spark polyline { fill: none; stroke: #0969da; stroke-width: 1.5; } svg.spark circle { fill: #0969da; }
        .compare { margin: 8px 0; }
        .compare .modes { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-bottom: 6px; }
        .compare .modes button { font: inherit; padding: 1px 8px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
        .compare .modes button.on { background: #0969da; color: #fff; border-color: #0969da; }
        .compare .stage { position: relative; height: 300px; display: grid; grid-template-columns: 1fr 1fr; gap: 6px; background: var(--bg); }
        .compare .stage a { display: block; height: 300px; }
        .compare .stage img { width: 100%; height: 300px; object-fit: contain; display: block; }
        .compare.slider .stage, .compare.onion .stage { display: block; }
        .compare.slider .stage a, .compare.onion .stage a, .compare .stage img.diff { position: absolute; inset: 0; }
        .compare .stage img.diff { display: none; opacity: 0.7; pointer-events: none; }
        .compare.overlaid .stage img.diff { display: block; }
        .compare.overlaid.side .stage img.diff { width: 50%; left: auto; right: 0; }
        .compare.side .amount { display: none; }
        .accept { display: flex; gap: 8px; align-items: center; margin-top: 6px; }
        .accept code { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 2px 8px; }
        .accept button { font: inherit; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
        """;

    public const string IndexScript = """
        (function () {
          'use strict';
          var data = JSON.parse(document.getElementById('seed-data').textContent);
          var pageSize = 100, page = 0, sortKey = 'rank', ascending = true, shown = data;
          var statuses = new Set(['unchanged', 'changed', 'dead', 'error']);
          var newOnly = false;
          var body = document.getElementById('seed-rows');
          var search = document.getElementById('search');
          var info = document.getElementById('page-info');

          function cell(row, text, cls) { var td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; row.appendChild(td); return td; }
          function compare(a, b) {
            var x = a[sortKey], y = b[sortKey];
            if (sortKey !== 'rank' && x === y) { x = a.rank; y = b.rank; }
            if (x === y) return 0;
            if (x === null) return 1; if (y === null) return -1;
            return (x < y ? -1 : 1) * (ascending ? 1 : -1);
          }
          // Similarity per check, 0 at the bottom and 1 at the top; a check whose text was not compared leaves a gap.
          function spark(values) {
            var ns = 'http://www.w3.org/2000/svg', width = 90, height = 18;
            var svg = document.createElementNS(ns, 'svg');
            svg.setAttribute('class', 'spark'); svg.setAttribute('width', width); svg.setAttribute('height', height);
            svg.setAttribute('role', 'img'); svg.setAttribute('aria-label', values.length + ' checks');
            var step = values.length > 1 ? (width - 4) / (values.length - 1) : 0, points = [];
            function flush() {
              if (points.length === 0) return;
              var line = document.createElementNS(ns, points.length > 1 ? 'polyline' : 'circle');
              if (points.length > 1) { line.setAttribute('points', points.join(' ')); }
              else { var xy = points[0].split(','); line.setAttribute('cx', xy[0]); line.setAttribute('cy', xy[1]); line.setAttribute('r', 2); }
              svg.appendChild(line); points = [];
            }
            values.forEach(function (v, i) {
              if (v === null) { flush(); return; }
              points.push((2 + i * step).toFixed(1) + ',' + (2 + (1 - v) * (height - 4)).toFixed(1));
            });
            flush();
            return svg;
          }
          function render() {
            var needle = search.value.trim().toLowerCase();
            shown = data.filter(function (s) { return statuses.has(s.status) && (!newOnly || s.isNew) && (!needle || s.text.indexOf(needle) >= 0); }).sort(compare);
            var pages = Math.max(1, Math.ceil(shown.length / pageSize));
            page = Math.min(page, pages - 1);
            body.textContent = '';
            shown.slice(page * pageSize, (page + 1) * pageSize).forEach(function (s) {
              var tr = document.createElement('tr');
              tr.dataset.status = s.status;
              var link = document.createElement('a'); link.href = s.page; link.textContent = s.id;
              var first = cell(tr, '', 'seed');
              var thumb = document.createElement(s.thumb ? 'img' : 'span'); thumb.className = 'thumb';
              if (s.thumb) { thumb.src = s.thumb; thumb.alt = ''; thumb.loading = 'lazy'; thumb.width = 80; thumb.height = 50; }
              var pictured = document.createElement('a'); pictured.href = s.page; pictured.tabIndex = -1; pictured.appendChild(thumb);
              first.appendChild(pictured); first.appendChild(link);
              var badge = document.createElement('span'); badge.className = 'badge ' + s.status; badge.textContent = s.status;
              var status = cell(tr, '');
              status.appendChild(badge);
              if (s.isNew) { var fresh = document.createElement('span'); fresh.className = 'badge new'; fresh.textContent = 'new'; fresh.title = "drift not seen in the seed's previous check"; status.appendChild(document.createTextNode(' ')); status.appendChild(fresh); }
              cell(tr, s.host, 'host');
              cell(tr, s.similarity === null ? '–' : s.similarity.toFixed(3), 'num');
              cell(tr, s.drift.toFixed(3), 'num');
              cell(tr, String(s.media), 'num');
              cell(tr, String(s.links), 'num');
              cell(tr, '', 'trend').appendChild(spark(s.trend));
              cell(tr, s.reason || '', 'reason');
              body.appendChild(tr);
            });
            info.textContent = shown.length + ' of ' + data.length + ' seeds · page ' + (page + 1) + ' of ' + pages;
          }
          document.querySelectorAll('th.sortable').forEach(function (th) {
            th.addEventListener('click', function () {
              var key = th.dataset.key;
              ascending = key === sortKey ? !ascending : th.dataset.ascending === 'true';
              sortKey = key;
              document.querySelectorAll('th.sortable').forEach(function (o) { o.classList.remove('asc', 'desc'); });
              th.classList.add(ascending ? 'asc' : 'desc');
              render();
            });
          });
          document.querySelectorAll('button.status').forEach(function (button) {
            button.addEventListener('click', function () {
              var s = button.dataset.status;
              if (statuses.has(s)) { statuses.delete(s); button.classList.remove('on'); } else { statuses.add(s); button.classList.add('on'); }
              page = 0; render();
            });
          });
          var onlyNew = document.getElementById('new-only');
          onlyNew.addEventListener('click', function () { newOnly = !newOnly; onlyNew.classList.toggle('on', newOnly); page = 0; render(); });
          search.addEventListener('input', function () { page = 0; render(); });
          document.getElementById('prev').addEventListener('click', function () { if (page > 0) { page--; render(); } });
          document.getElementById('next').addEventListener('click', function () { if ((page + 1) * pageSize < shown.length) { page++; render(); } });
          render();
        })();
        """;

    public const string SeedScript = """
        (function () {
          'use strict';
          var copy = document.getElementById('copy-accept');
          if (copy) {
            copy.addEventListener('click', function () {
              var command = document.getElementById('accept-command').textContent;
              var done = function () { copy.textContent = 'copied'; };
              if (navigator.clipboard && window.isSecureContext) { navigator.clipboard.writeText(command).then(done, function () { select(); }); } else { select(); }
              function select() {
                var range = document.createRange(); range.selectNodeContents(document.getElementById('accept-command'));
                var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range);
                copy.textContent = document.execCommand('copy') ? 'copied' : 'selected: press Ctrl+C';
              }
            });
          }
          // Picture comparisons: side by side, a slider that uncovers the live picture over the archived one, or
          // the live picture faded in over it; the pixel diff laid on top. Styles are set through the CSSOM, which
          // the page's policy allows (style attributes in markup it does not).
          document.querySelectorAll('.compare').forEach(function (box) {
            var live = box.querySelector('a.live'), amount = box.querySelector('.amount'), overlay = box.querySelector('.overlay');
            function show() {
              var mode = box.classList.contains('slider') ? 'slider' : box.classList.contains('onion') ? 'onion' : 'side', v = amount.value / 100;
              live.style.clipPath = mode === 'slider' ? 'inset(0 0 0 ' + (100 - amount.value) + '%)' : '';
              live.style.opacity = mode === 'onion' ? String(v) : '';
            }
            box.querySelectorAll('.modes button').forEach(function (button) {
              button.addEventListener('click', function () {
                box.classList.remove('side', 'slider', 'onion');
                box.classList.add(button.dataset.mode);
                box.querySelectorAll('.modes button').forEach(function (b) { b.classList.toggle('on', b === button); });
                show();
              });
            });
            amount.addEventListener('input', show);
            if (overlay) overlay.addEventListener('change', function () { box.classList.toggle('overlaid', overlay.checked); });
          });
          var views = document.querySelectorAll('button.view');
          views.forEach(function (button) {
            button.addEventListener('click', function () {
              document.body.classList.remove('view-sbs', 'view-inline');
              document.body.classList.add('view-' + button.dataset.view);
              views.forEach(function (b) { b.classList.toggle('on', b === button); });
            });
          });
          var table = document.getElementById('links');
          if (!table) return;
          var rows = Array.prototype.slice.call(table.tBodies[0].rows);
          var filter = document.getElementById('link-status'), text = document.getElementById('link-search');
          var key = null, ascending = true;
          function apply() {
            var wanted = filter.value, needle = text.value.trim().toLowerCase();
            rows.forEach(function (row) {
              row.hidden = (wanted !== 'all' && row.dataset.status !== wanted) || (needle !== '' && row.textContent.toLowerCase().indexOf(needle) < 0);
            });
          }
          table.querySelectorAll('th.sortable').forEach(function (th, column) {
            th.addEventListener('click', function () {
              ascending = key === column ? !ascending : true; key = column;
              table.querySelectorAll('th.sortable').forEach(function (o) { o.classList.remove('asc', 'desc'); });
              th.classList.add(ascending ? 'asc' : 'desc');
              rows.sort(function (a, b) {
                var x = a.cells[column].dataset.sort || a.cells[column].textContent, y = b.cells[column].dataset.sort || b.cells[column].textContent;
                var nx = parseFloat(x), ny = parseFloat(y);
                var c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
                return ascending ? c : -c;
              });
              rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
            });
          });
          filter.addEventListener('change', apply);
          text.addEventListener('input', apply);
        })();
        """;
}
