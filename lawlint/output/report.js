/* lawlint audit page: search and filters over the matrix, sorting, each file's findings in a
   side panel (rendered from the JSON block), the view kept in the URL's #hash. Plain JS, no
   network; every text from a submission goes in as textContent, never as HTML. */
(function () {
  'use strict';
  var started = window.performance ? performance.now() : 0;
  var $ = function (id) { return document.getElementById(id); };
  // -- raw DEFLATE (RFC 1951), for the data block: small, synchronous, any browser ----------
  function inflate(src, size) {
    var out = new Uint8Array(size), op = 0, ip = 0, bb = 0, bc = 0;
    function bits(n) {
      while (bc < n) { bb |= (src[ip++] | 0) << bc; bc += 8; }
      var v = bb & ((1 << n) - 1);
      bb >>>= n; bc -= n;
      return v;
    }
    function table(lengths) {
      var counts = new Uint16Array(16), offs = new Uint16Array(16), syms = new Uint16Array(lengths.length), i, sum;
      for (i = 0; i < lengths.length; i++) counts[lengths[i]]++;
      counts[0] = 0;
      for (i = 0, sum = 0; i < 16; i++) { offs[i] = sum; sum += counts[i]; }
      for (i = 0; i < lengths.length; i++) if (lengths[i]) syms[offs[lengths[i]]++] = i;
      return { c: counts, s: syms };
    }
    function decode(t) {
      var sum = 0, cur = 0, len = 0;
      do {
        if (!bc) { bb = src[ip++] | 0; bc = 8; }
        cur = 2 * cur + (bb & 1); bb >>>= 1; bc--;
        if (++len > 15) throw new Error('bad code');
        sum += t.c[len]; cur -= t.c[len];
      } while (cur >= 0);
      return t.s[sum + cur];
    }
    var LB = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
    var LX = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
    var DB = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
      4097, 6145, 8193, 12289, 16385, 24577];
    var DX = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
    var ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
    var fixedLit, fixedDist, last, type, i;
    do {
      last = bits(1); type = bits(2);
      if (type === 0) {
        bb = 0; bc = 0;
        var len = src[ip] | (src[ip + 1] << 8);
        ip += 4;
        out.set(src.subarray(ip, ip + len), op);
        ip += len; op += len;
        continue;
      }
      var lit, dist;
      if (type === 1) {
        if (!fixedLit) {
          var l = new Uint8Array(288), d = new Uint8Array(30);
          for (i = 0; i < 288; i++) l[i] = i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8;
          for (i = 0; i < 30; i++) d[i] = 5;
          fixedLit = table(l); fixedDist = table(d);
        }
        lit = fixedLit; dist = fixedDist;
      } else if (type === 2) {
        var hlit = bits(5) + 257, hdist = bits(5) + 1, hclen = bits(4) + 4;
        var cl = new Uint8Array(19);
        for (i = 0; i < hclen; i++) cl[ORDER[i]] = bits(3);
        var ct = table(cl), lengths = new Uint8Array(hlit + hdist);
        for (i = 0; i < hlit + hdist;) {
          var sym = decode(ct), rep, val;
          if (sym < 16) { lengths[i++] = sym; continue; }
          if (sym === 16) { val = lengths[i - 1]; rep = 3 + bits(2); }
          else if (sym === 17) { val = 0; rep = 3 + bits(3); }
          else { val = 0; rep = 11 + bits(7); }
          while (rep--) lengths[i++] = val;
        }
        lit = table(lengths.subarray(0, hlit)); dist = table(lengths.subarray(hlit));
      } else throw new Error('bad block');
      for (;;) {
        var s = decode(lit);
        if (s < 256) { out[op++] = s; continue; }
        if (s === 256) break;
        s -= 257;
        var n = LB[s] + bits(LX[s]), ds = decode(dist), back = op - (DB[ds] + bits(DX[ds]));
        while (n--) out[op++] = out[back++];
      }
    } while (!last);
    return out;
  }

  // the data block: JSON, raw DEFLATE in base64 (audit_html.py's data())
  function load(node) {
    var text = node.textContent.trim();
    if (node.getAttribute('data-encoding') === 'deflate-base64') {
      var raw = atob(text), bytes = new Uint8Array(raw.length);
      for (var b = 0; b < raw.length; b++) bytes[b] = raw.charCodeAt(b);
      text = new TextDecoder('utf-8').decode(inflate(bytes, +node.getAttribute('data-size')));
    }
    return JSON.parse(text);
  }
  var D = load($('lawlint-data'));
  var S = D.s, RULES = D.r, FILES = D.f;
  var SEV = ['error', 'warning', 'info'], SEVW = D.w.severity, KINDS = D.w.kind, STATUS = D.w.status;
  var HOLE = '\u0000';
  var table = $('mx'), tbody = table.tBodies[0], box = $('mbox');
  var heads = table.tHead.rows[0].cells;
  var fq = $('fq'), fs = $('fs'), fe = $('fe'), fr = $('fr'), fg = $('fg'), count = $('fcount');
  var str = function (i) { return i == null || i < 0 ? '' : S[i]; };
  var norm = function (t) { return (t.normalize ? t.normalize('NFKC') : t).toLowerCase(); };

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  // -- the rows, read once ----------------------------------------------------------------
  var col = {}, firstMark = -1, marks = 0;
  for (var c = 0; c < heads.length; c++) {
    if (!(heads[c].textContent in col)) col[heads[c].textContent] = c;   // 成文日期: the date, not the part
    if (heads[c].classList.contains('el')) { if (firstMark < 0) firstMark = c; marks++; }
  }
  var ruleIndex = {};
  RULES.forEach(function (r, i) { ruleIndex[r[0]] = i; });
  var rows = [], byFile = {};
  Array.prototype.forEach.call(tbody.rows, function (tr) {
    var cells = tr.cells, words = [], mark = [];
    for (var c = 0; c < cells.length; c++) if (heads[c].classList.contains('q')) words.push(cells[c].textContent);
    for (var m = 0; m < marks; m++) mark.push(cells[firstMark + m].className);
    var i = tr.hasAttribute('data-i') ? +tr.getAttribute('data-i') : -1;
    var rules = {};
    if (i >= 0) FILES[i][0].forEach(function (f) { rules[f[0]] = 1; });
    var ring = tr.querySelector('a.rg');
    var row = { tr: tr, i: i, q: norm(words.join(' ')), s: tr.getAttribute('data-s'),
      k: (tr.getAttribute('data-k') || '').split(' '), mark: mark, rules: rules,
      ring: ring ? +ring.textContent : 0 };
    rows.push(row);
    if (i >= 0) byFile[i] = row;
  });

  // -- filters ----------------------------------------------------------------------------
  function state() {
    return { q: fq.value.trim(), s: fs.value, e: fe.value, r: fr.value, g: fg ? fg.value : '' };
  }
  function apply(write) {
    var st = state(), terms = norm(st.q).split(/\s+/).filter(Boolean);
    var ek = st.e ? st.e.charAt(0) : '', ec = st.e ? +st.e.slice(1) : -1;
    var rule = st.r ? (st.r in ruleIndex ? ruleIndex[st.r] : -2) : -1;
    var shown = 0;
    for (var n = 0; n < rows.length; n++) {
      var row = rows[n], ok = true;
      if (st.s) ok = row.s === st.s || row.k.indexOf(st.s) >= 0;
      if (ok && ek) {
        var m = row.mark[ec];
        ok = ek === 'a' ? (m === 'x' || m === 'w') : m === ek;
      }
      if (ok && rule !== -1) ok = rule >= 0 && row.rules[rule] === 1;
      if (ok && st.g) {
        ok = st.g === 'any' ? row.ring > 0 : st.g === 'none' ? (row.ring === 0 && row.i >= 0) : row.ring === +st.g;
      }
      for (var t = 0; ok && t < terms.length; t++) ok = row.q.indexOf(terms[t]) >= 0;
      if (row.tr.hidden === ok) row.tr.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = '显示 ' + shown + ' / ' + rows.length + ' 行';
    var active = !!(st.q || st.s || st.e || st.r || st.g);
    count.classList.toggle('on', active);
    document.body.classList.toggle('filtered', active);
    if (write) writeHash();
    return shown;
  }
  var pending = 0;
  fq.addEventListener('input', function () {
    if (pending) return;
    pending = requestAnimationFrame(function () { pending = 0; apply(true); });
  });
  [fs, fe, fr, fg].forEach(function (s) { if (s) s.addEventListener('change', function () { apply(true); }); });
  $('freset').addEventListener('click', function () { setFilters({}); apply(true); });

  function setFilters(p) {
    fq.value = p.q || '';
    fs.value = p.s || ''; fe.value = p.e || ''; fr.value = p.r || '';
    if (fg) fg.value = p.g || '';
  }

  // -- the view in the #hash: q s e r g (filters), f (the open file) ------------------------
  var openFile = -1, written = '';
  function params(text) {
    var p = {};
    if (text.indexOf('=') < 0) return null;
    text.split('&').forEach(function (pair) {
      var at = pair.indexOf('=');
      if (at > 0) {
        try {
          p[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, ' '));
        } catch (e) { /* a bad escape: that one is left out */ }
      }
    });
    return p;
  }
  function writeHash() {
    var st = state(), out = [];
    ['q', 's', 'e', 'r', 'g'].forEach(function (k) { if (st[k]) out.push(k + '=' + encodeURIComponent(st[k])); });
    if (openFile >= 0) out.push('f=' + openFile);
    written = out.join('&');
    var url = location.href.split('#')[0] + (written ? '#' + written : '');
    try { history.replaceState(null, '', url); } catch (e) { /* file:// in an old browser: the hash stays */ }
  }
  function readHash(scroll) {
    var text = location.hash.slice(1);
    if (text === written) return;
    var p = params(text);
    if (!p) return;                                   // an ordinary anchor: #matrix, #ring-2
    written = text;
    setFilters(p);
    apply(false);
    if ('f' in p && FILES[+p.f]) show(+p.f, false);
    else if (openFile >= 0) hide();
    if (scroll && (p.q || p.s || p.e || p.r || p.g || 'f' in p)) $('matrix').scrollIntoView();
  }
  window.addEventListener('hashchange', function () { readHash(true); });

  // cards, bars, ring buttons: data-go="s=fail" sets that one filter and shows the matrix
  document.addEventListener('click', function (ev) {
    var a = ev.target.closest ? ev.target.closest('a') : null;
    if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey) return;
    if (a.hasAttribute('data-go')) {
      ev.preventDefault();
      setFilters(params(a.getAttribute('data-go')) || {});
      apply(true);
      $('matrix').scrollIntoView({ behavior: 'smooth' });
    } else if (a.classList.contains('fl')) {
      ev.preventDefault();
      show(+a.getAttribute('href').slice(3), true);
    }
  });

  // -- sorting ----------------------------------------------------------------------------
  var MARK_ORDER = { x: 0, w: 1, y: 2, e: 3 };
  var collator = window.Intl ? new Intl.Collator('zh', { numeric: true }) : null;   // 1月9日 before 1月10日
  Array.prototype.forEach.call(heads, function (th, c) {
    th.title = '点击排序';
    th.addEventListener('click', function () {
      var up = th.getAttribute('data-dir') !== 'asc';
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('data-dir'); });
      th.setAttribute('data-dir', up ? 'asc' : 'desc');
      var isMark = th.classList.contains('el'), isNum = th.classList.contains('n');
      var keyed = rows.map(function (row, n) {
        var cell = row.tr.cells[c], text = cell ? cell.textContent : '';
        var key = isMark ? (cell.className in MARK_ORDER ? MARK_ORDER[cell.className] : 9)
          : isNum || c === col['年度'] || c === col['套用'] ? (parseFloat(text) || 0) : text;
        return { row: row, key: key, n: n };
      });
      keyed.sort(function (a, b) {
        var d = typeof a.key === 'number' ? a.key - b.key
          : collator ? collator.compare(a.key, b.key) : (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
        return (d || a.n - b.n) * (up ? 1 : -1);
      });
      var frag = document.createDocumentFragment();
      keyed.forEach(function (k) { frag.appendChild(k.row.tr); });
      tbody.appendChild(frag);
    });
  });

  // -- tooltips made when first pointed at: a note's text, a name the column cuts ----------
  document.addEventListener('mouseover', function (ev) {
    var node = ev.target.closest ? ev.target.closest('.nb, .fl, .cut') : null;
    if (!node || node.title) return;
    if (node.classList.contains('nb')) {
      node.title = noteLines(FILES[+node.closest('tr').getAttribute('data-i')]).join('\n');
    } else if (node.scrollWidth > node.clientWidth) {
      node.title = node.textContent;
    }
  });
  function noteLines(f) {
    var lines = (f[1] || []).map(function (n) { return '【' + (KINDS[str(n[0])] || str(n[0])) + '】' + str(n[1]); });
    if (f[2]) lines.push('另有 ' + f[2] + ' 条批次提示');
    return lines;
  }

  // -- the findings panel -----------------------------------------------------------------
  var panel = $('panel'), phead = $('phead'), pbody = $('pbody');
  tbody.addEventListener('click', function (ev) {
    if (ev.target.closest('a') || getSelection().toString()) return;
    var tr = ev.target.closest('tr');
    if (tr && tr.hasAttribute('data-i')) show(+tr.getAttribute('data-i'), true);
  });
  $('pclose').addEventListener('click', close);
  $('pprev').addEventListener('click', function () { step(-1); });
  $('pnext').addEventListener('click', function () { step(1); });
  document.addEventListener('keydown', function (ev) {
    if (panel.hidden || /^(INPUT|SELECT|TEXTAREA)$/.test(ev.target.tagName)) return;
    if (ev.key === 'Escape') close();
    else if (ev.key === 'ArrowDown' || ev.key === 'j') { step(1); ev.preventDefault(); }
    else if (ev.key === 'ArrowUp' || ev.key === 'k') { step(-1); ev.preventDefault(); }
  });

  function hide() {
    panel.hidden = true;
    document.body.classList.remove('paneled');
    if (byFile[openFile]) byFile[openFile].tr.classList.remove('sel');
    openFile = -1;
  }
  function close() {
    hide();
    writeHash();
  }
  function step(by) {
    var list = Array.prototype.filter.call(tbody.rows, function (tr) {
      return !tr.hidden && tr.hasAttribute('data-i');
    });
    var at = list.indexOf(byFile[openFile] ? byFile[openFile].tr : null);
    var next = list[at < 0 ? 0 : at + by];
    if (next) show(+next.getAttribute('data-i'), true);
  }
  function reveal(tr) {
    if (tr.hidden) return;
    var head = table.tHead.offsetHeight, top = tr.offsetTop, h = tr.offsetHeight;
    if (top - head < box.scrollTop) box.scrollTop = top - head;
    else if (top + h > box.scrollTop + box.clientHeight) box.scrollTop = top + h - box.clientHeight;
  }
  function cellOf(tr, name) { return name in col ? tr.cells[col[name]] : null; }

  function place(f) {
    if (f[6] === 3) return '全文';
    if (f[6] === 1) return '第 ' + f[7] + ' 段第 ' + f[5] + ' 字' + (str(f[8]) ? ' ' + str(f[8]) : '');
    if (f[6] === 2) return '第 ' + f[7] + ' 页第 ' + f[8] + ' 行';
    return '第 ' + f[4] + ' 行第 ' + f[5] + ' 字';
  }

  function show(i, write) {
    var f = FILES[i], row = byFile[i];
    if (!f || !row) return;
    if (byFile[openFile]) byFile[openFile].tr.classList.remove('sel');
    openFile = i;
    var tr = row.tr;
    tr.classList.add('sel');
    reveal(tr);
    // the head: the file, its status and why, what the row says about it
    phead.textContent = '';
    var link = tr.querySelector('a.fl'), copy = tr.querySelector('a.cp');
    var name = link ? link.textContent : '';
    phead.appendChild(el('h3', 'pt', name));
    if (D.b) phead.appendChild(el('div', 'path', D.b + '/' + name));
    var status = cellOf(tr, '状态');
    var line = el('div', 'pstatus');
    line.appendChild(el('span', 'pill ' + row.s, STATUS[row.s] || row.s));
    line.appendChild(el('span', 'reason', status ? status.title : ''));
    phead.appendChild(line);
    var facts = el('div', 'facts');
    [['单位', cellOf(tr, '单位')], ['机关', cellOf(tr, '机关')], ['年度', cellOf(tr, '年度')],
      ['成文日期', cellOf(tr, '成文日期')]].forEach(function (pair) {
      var cell = pair[1], text = !cell || cell.querySelector('.tag') ? '' : cell.textContent;   // 未匹配: no unit
      if (!text) return;
      var fact = el('span', null, null);
      fact.appendChild(el('i', null, pair[0]));
      fact.appendChild(document.createTextNode(text));
      facts.appendChild(fact);
    });
    Array.prototype.forEach.call(tr.querySelectorAll('.tag[title]'), function (tag) {
      facts.appendChild(el('span', 'tag warn', tag.textContent + '：' + tag.title));
    });
    if (row.ring) {
      var ring = el('a', 'rg', String(row.ring));
      ring.href = '#ring-' + row.ring;
      var r = el('span', null, null); r.appendChild(el('i', null, '套用组')); r.appendChild(ring);
      facts.appendChild(r);
    }
    if (copy) {
      var c = el('a', 'cp big', '打开审查稿（批注与修订）');
      c.href = copy.getAttribute('href');
      facts.appendChild(c);
    }
    phead.appendChild(facts);
    // the body: batch notes, the error, the findings
    pbody.textContent = '';
    var notes = noteLines(f);
    if (notes.length) {
      var nb = el('div', 'notes');
      nb.appendChild(el('h4', null, '批次提示'));
      notes.forEach(function (n) { nb.appendChild(el('div', 'note', n)); });
      pbody.appendChild(nb);
    }
    if (f[3] >= 0 && str(f[3])) pbody.appendChild(el('div', 'warnbox', '无法读取：' + str(f[3])));
    var found = f[0], by = { error: 0, warning: 0, info: 0 };
    found.forEach(function (x) { by[SEV[x[1]]]++; });
    var sums = el('div', 'sums');
    var all = el('button', 'on', '全部 ' + found.length);
    all.type = 'button'; all.setAttribute('data-sev', '');
    sums.appendChild(all);
    SEV.forEach(function (s) {
      if (!by[s]) return;
      var b = el('button', s, SEVW[s] + ' ' + by[s]);
      b.type = 'button'; b.setAttribute('data-sev', s);
      sums.appendChild(b);
    });
    if (found.length) pbody.appendChild(sums);
    var list = el('ol', 'findings');
    var wanted = fr.value in ruleIndex ? ruleIndex[fr.value] : -1;
    var order = found.map(function (x, n) { return [x, n]; });   // the gravest first, each in the report's order
    order.sort(function (a, b) { return a[0][1] - b[0][1] || a[1] - b[1]; });
    order.forEach(function (pair) {
      var x = pair[0], rule = RULES[x[0]], sev = SEV[x[1]];
      var item = el('li', 'fd ' + sev + (x[0] === wanted ? ' hit' : ''));
      var top = el('div', 'fh');
      top.appendChild(el('span', 'sev ' + sev, SEVW[sev]));
      top.appendChild(el('b', 'rt', rule[1]));
      top.appendChild(el('code', 'rid', rule[0]));
      top.appendChild(el('span', 'pl', place(x)));
      item.appendChild(top);
      var excerpt = str(x[3]);
      item.appendChild(el('div', 'msg', str(x[2]).split(HOLE).join(excerpt)));
      if (excerpt) item.appendChild(el('div', 'ex', excerpt));
      list.appendChild(item);
    });
    if (found.length) pbody.appendChild(list);
    else if (!(f[3] >= 0)) pbody.appendChild(el('p', 'clean', '没有发现问题。'));
    sums.addEventListener('click', function (ev) {
      var b = ev.target.closest('button');
      if (!b) return;
      Array.prototype.forEach.call(sums.children, function (x) { x.classList.toggle('on', x === b); });
      var s = b.getAttribute('data-sev');
      Array.prototype.forEach.call(list.children, function (li) { li.hidden = !!s && !li.classList.contains(s); });
    });
    panel.hidden = false;
    pbody.scrollTop = 0;
    document.body.classList.add('paneled');
    if (write) writeHash();
  }

  $('fshare').addEventListener('click', function () {
    writeHash();
    var url = location.href.split('#')[0] + (written ? '#' + written : '');
    var button = $('fshare'), ask = function () { prompt('复制此链接：', url); };
    var done = function () {
      button.textContent = '已复制';
      setTimeout(function () { button.textContent = '复制链接'; }, 1500);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, ask);
    else ask();
  });

  readHash(true);
  window.lawlintAudit = { apply: apply, show: show, rows: rows,      // for tests and the curious
    readyMs: window.performance ? performance.now() - started : 0 };
})();
