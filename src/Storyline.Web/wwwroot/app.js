// Storyline's page. Every piece of stored text (titles, article text, quotes, reasons) is third-party and is put
// into the page with textContent or as attribute values only, never parsed as HTML, so a hostile page stays inert.
// The CSP (script-src 'self') backs this up.

const main = document.getElementById('main');

/** Builds an element: el('a', {href: '#/'}, 'text', child, ...). Attributes are set as values, never as markup. */
function el(tag, attrs, ...children) {
  const node = tag === 'svg' || tag.startsWith('svg:')
    ? document.createElementNS('http://www.w3.org/2000/svg', tag.replace('svg:', ''))
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.setAttribute('class', v);
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A link inside the page; only hash routes, so no stored value can become a javascript: URL. */
function route(path, params, ...children) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const s = qs.toString();
  return el('a', { href: '#' + path + (s ? '?' + s : '') }, ...children);
}

/** An external link only for http(s) addresses; anything else is shown as text. */
function externalLink(url) {
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return el('a', { href: u.href, rel: 'noopener noreferrer nofollow', target: '_blank' }, shorten(url, 120));
  } catch { /* not a URL: shown as text */ }
  return el('span', {}, shorten(url, 120));
}

function shorten(s, n) {
  s = String(s ?? '');
  return s.length <= n ? s : s.slice(0, n - 1) + '…';
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error((body && body.detail) || `${res.status} ${res.statusText}`);
  return body;
}

function show(title, ...nodes) {
  document.title = title ? `${shorten(title, 80)} · Storyline` : 'Storyline';
  main.replaceChildren(...nodes.filter(n => n !== null && n !== undefined && n !== false));
}

function showError(e) {
  show('Error', el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, e.message || String(e)));
}

function parseHash() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, qs] = hash.split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(qs || '') };
}

async function render() {
  const { parts, params } = parseHash();
  main.setAttribute('aria-busy', 'true');
  try {
    if (parts.length === 0) await storyList(params);
    else if (parts[0] === 'search') await searchPage(params);
    else if (parts[0] === 'story' && parts[1]) await storyPage(parts[1]);
    else if (parts[0] === 'article' && parts[1]) await articlePage(parts[1], params);
    else show('Not found', el('h1', {}, 'Not found'), el('p', {}, route('/', {}, 'Back to the stories')));
  } catch (e) {
    showError(e);
  } finally {
    main.removeAttribute('aria-busy');
    document.body.dataset.ready = location.hash || '#/';
  }
}

// ---- story list -------------------------------------------------------------------------------------------------

async function storyList(params) {
  const q = Object.fromEntries(['q', 'entity', 'outlet', 'from', 'to', 'page'].map(k => [k, params.get(k) || '']));
  const [status, list] = await Promise.all([
    api('/api/status'),
    api('/api/stories?' + new URLSearchParams(Object.entries(q).filter(([, v]) => v))),
  ]);
  const field = (name, label, input) => el('label', {}, label, input);
  const outlet = el('select', { name: 'outlet' }, el('option', { value: '' }, 'any outlet'),
    status.outlets.map(o => el('option', { value: o, selected: o === q.outlet }, shorten(o, 60))));
  const form = el('form', { class: 'filters', 'aria-label': 'Filter stories' },
    field('q', 'Words', el('input', { name: 'q', type: 'search', value: q.q, maxlength: 200 })),
    field('entity', 'Person, organisation or place', el('input', { name: 'entity', value: q.entity, maxlength: 200 })),
    field('outlet', 'Outlet', outlet),
    field('from', 'From', el('input', { name: 'from', type: 'date', value: q.from })),
    field('to', 'To', el('input', { name: 'to', type: 'date', value: q.to })),
    el('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const data = Object.fromEntries([...new FormData(form)].filter(([, v]) => v));
    location.hash = '#/' + (Object.keys(data).length ? '?' + new URLSearchParams(data) : '');
  });
  const items = list.items.map(s => el('li', {},
    route('/story/' + s.id, {}, el('span', { class: 'title' }, shorten(s.label, 300))),
    el('div', { class: 'meta' },
      `${s.article_count} article${s.article_count === 1 ? '' : 's'}`,
      s.first_date ? ` · ${s.first_date}${s.last_date && s.last_date !== s.first_date ? ' – ' + s.last_date : ''}` : '',
      s.outlets.length ? ' · ' + s.outlets.map(o => shorten(o, 40)).join(', ') : '')));
  items.forEach(li => li.querySelector('a').classList.add('title'));
  const page = list.page;
  const pages = Math.max(1, Math.ceil(list.total / list.page_size));
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages' },
    page > 1 ? route('/', { ...q, page: page - 1 }, '← Newer') : null,
    el('span', { class: 'muted' }, `page ${page} of ${pages}`),
    page < pages ? route('/', { ...q, page: page + 1 }, 'Older →') : null);
  show('Stories',
    el('h1', {}, 'Stories'),
    el('p', { class: 'muted' }, `${status.articles} articles in ${status.stories} stories; ${list.total} match.`),
    form,
    list.items.length ? el('ul', { class: 'cards', id: 'stories' }, items) : el('p', {}, 'No story matches.'),
    pager);
}

// ---- search -----------------------------------------------------------------------------------------------------

/** FTS snippets mark the matched words with [ and ]; they become <mark> elements, the rest stays text. */
function snippet(text) {
  const out = el('span', { class: 'snippet' });
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    out.append(text.slice(last, m.index), el('mark', {}, m[1]));
    last = m.index + m[0].length;
  }
  out.append(text.slice(last));
  return out;
}

async function searchPage(params) {
  const q = params.get('q') || '';
  document.getElementById('site-q').value = q;
  if (!q.trim()) { show('Search', el('h1', {}, 'Search'), el('p', {}, 'Type words to find in the articles.')); return; }
  const res = await api('/api/search?' + new URLSearchParams({ q, limit: 50 }));
  show(`Search: ${q}`,
    el('h1', {}, 'Search: ', q),
    el('p', { class: 'muted' }, `${res.hits.length} article${res.hits.length === 1 ? '' : 's'} found`),
    el('ul', { class: 'cards', id: 'hits' }, res.hits.map(h => el('li', {},
      route('/article/' + h.id, {}, el('span', { class: 'title' }, shorten(h.title || '(no title)', 300))),
      el('div', { class: 'meta' }, [h.outlet, h.date].filter(Boolean).join(' · '),
        h.story_id ? [' · ', route('/story/' + h.story_id, {}, 'its story')] : ''),
      el('p', {}, snippet(h.snippet))))));
}

// ---- article ----------------------------------------------------------------------------------------------------

const kindClass = a => a.kind === 'entity' ? `ent ent-${a.type}` : a.kind;
const kindTitle = a => a.kind === 'entity' ? `${a.label} (${a.type})`
  : a.kind === 'quote' ? `quote (${a.type})${a.label ? ': ' + a.label : ''}` : `date: ${a.label}`;

/** The paragraph's text cut at every annotation edge; each piece wears the classes of the spans covering it. */
function annotatedParagraph(tag, text, start, end, annotations, cited) {
  const cuts = new Set([start, end]);
  const inside = annotations.filter(a => a.start < end && a.start + a.length > start);
  for (const a of inside) { cuts.add(Math.max(start, a.start)); cuts.add(Math.min(end, a.start + a.length)); }
  if (cited) { cuts.add(Math.max(start, Math.min(end, cited[0]))); cuts.add(Math.max(start, Math.min(end, cited[1]))); }
  const points = [...cuts].sort((x, y) => x - y);
  const node = el(tag, { 'data-start': start });
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    if (a >= b) continue;
    let piece = document.createTextNode(text.slice(a, b));
    // Innermost first: the shortest spans wrap the text, longer ones (quotes) wrap them.
    const covering = inside.filter(s => s.start <= a && s.start + s.length >= b).sort((x, y) => x.length - y.length);
    for (const s of covering) piece = el('span', { class: kindClass(s), title: kindTitle(s) }, piece);
    if (cited && a >= cited[0] && b <= cited[1]) piece = el('mark', { class: 'cited' }, piece);
    node.append(piece);
  }
  return node;
}

async function articlePage(id, params) {
  const a = await api('/api/articles/' + encodeURIComponent(id));
  let cited = null;
  const at = /^(\d+)-(\d+)$/.exec(params.get('at') || '');
  if (at && +at[1] < +at[2] && +at[2] <= a.text.length) cited = [+at[1], +at[2]];

  const removedNodes = [];
  const removedAt = k => a.removed.filter(r => r.before_paragraph === k).map(r => {
    const n = el('div', { class: 'removed', hidden: true },
      el('del', {}, r.text), el('span', { class: 'reason' }, 'removed: ' + r.reason));
    removedNodes.push(n);
    return n;
  });
  const body = el('div', { class: 'article-body', id: 'article-text' });
  a.paragraphs.forEach((p, k) => {
    body.append(...removedAt(k));
    const tag = p.role === 'heading' ? 'h3' : 'p';
    const node = annotatedParagraph(tag, a.text, p.start, p.start + p.length, a.annotations, cited);
    if (p.role === 'standfirst') node.classList.add('standfirst');
    body.append(node);
  });
  body.append(...removedAt(a.paragraphs.length));

  const toggle = el('button', { type: 'button', id: 'toggle-removed', 'aria-pressed': 'false', 'aria-controls': 'article-text' },
    `Show removed boilerplate (${a.removed.length})`);
  toggle.addEventListener('click', () => {
    const on = toggle.getAttribute('aria-pressed') !== 'true';
    toggle.setAttribute('aria-pressed', String(on));
    toggle.textContent = `${on ? 'Hide' : 'Show'} removed boilerplate (${a.removed.length})`;
    removedNodes.forEach(n => { n.hidden = !on; });
  });

  const meta = [a.outlet, a.date ? `${a.date} (${a.date_source}${a.date_text ? ': “' + shorten(a.date_text, 60) + '”' : ''})` : null,
    a.byline ? 'by ' + a.byline : null, a.dateline].filter(Boolean).join(' · ');
  show(a.title || '(no title)',
    el('p', { class: 'meta' }, a.story_id ? route('/story/' + a.story_id, {}, '← ', shorten(a.story_label, 100)) : route('/', {}, '← Stories')),
    el('h1', { id: 'article-title' }, shorten(a.title || '(no title)', 400)),
    (a.title || '').length > 400 ? el('p', { class: 'meta' }, `title shortened: it runs to ${a.title.length.toLocaleString('en')} characters`) : null,
    el('p', { class: 'meta' }, meta),
    el('p', { class: 'meta wrap' }, a.url ? externalLink(a.url) : a.origin, ` · id ${a.id}`),
    a.notes.length ? el('ul', { class: 'meta' }, a.notes.map(n => el('li', {}, 'note: ', n))) : null,
    el('div', { class: 'toolbar' }, toggle,
      el('div', { class: 'legend', 'aria-label': 'Highlights' },
        ['person', 'organization', 'location', 'misc'].map(t => el('span', { class: 'ent-' + t }, t)),
        el('span', { class: 'quote' }, 'quote'), el('span', { class: 'date' }, 'date'))),
    body);

  const mark = body.querySelector('mark.cited');
  if (mark) {
    mark.id = 'cited';
    mark.setAttribute('tabindex', '-1');
    mark.scrollIntoView({ block: 'center' });
    mark.focus({ preventScroll: true });
  }
}

// ---- story ------------------------------------------------------------------------------------------------------

/** A citation: a numbered link that opens the cited article at the cited words. */
function citeLink(c, number, article) {
  const who = article ? `${article.outlet}${article.title ? ': ' + shorten(article.title, 80) : ''}` : c.article_id;
  const a = route('/article/' + c.article_id, { at: `${c.start}-${c.start + c.length}` },
    el('span', { 'aria-hidden': 'true' }, `[${number}]`), el('span', { class: 'visually-hidden' }, `source ${number}: ${who}`));
  a.classList.add('cite');
  a.title = who;
  return a;
}

function citations(sources, numbers, byId) {
  const seen = new Set();
  return el('span', { class: 'cites' }, sources.filter(c => {
    const k = `${c.article_id}:${c.start}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).map(c => citeLink(c, numbers.get(c.article_id), byId.get(c.article_id))));
}

/** A TimeML value as a day number for the chart, or null when it has no full year. */
function dayOf(value) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || '');
  if (!m) return null;
  return Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) / 86400000;
}

function timelineChart(entries) {
  const dated = entries.map((e, i) => ({ e, i, d: dayOf(e.date.value) })).filter(x => x.d !== null);
  if (dated.length === 0) return el('p', { class: 'muted' }, 'No line of this story has a known year to place on a chart.');
  // Drawn at the width it is shown at, so labels stay readable on a phone.
  const W = Math.max(300, Math.min(800, main.clientWidth - 8)), H = 120, pad = 30;
  const lo = Math.min(...dated.map(x => x.d)), hi = Math.max(...dated.map(x => x.d));
  const x = d => hi === lo ? W / 2 : pad + (d - lo) / (hi - lo) * (W - 2 * pad);
  const svg = el('svg:svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Timeline chart: ${dated.length} dated lines from ${new Date(lo * 86400000).toISOString().slice(0, 10)} to ${new Date(hi * 86400000).toISOString().slice(0, 10)}` });
  svg.append(el('svg:line', { class: 'axis', x1: pad / 2, x2: W - pad / 2, y1: H - 30, y2: H - 30, 'stroke-width': 2 }));
  const stack = new Map();
  for (const { e, d } of dated) {
    const cx = Math.round(x(d));
    const n = stack.get(cx) || 0;
    stack.set(cx, n + 1);
    svg.append(el('svg:circle', { class: 'dot', cx, cy: H - 40 - n * 12, r: 5 }, el('svg:title', {}, `${e.date.display}: ${shorten(e.text, 120)}`)));
  }
  const years = [...new Set(dated.map(v => new Date(v.d * 86400000).getUTCFullYear()))].sort();
  for (const y of years) {
    const tx = x(Date.UTC(y, 0, 1) / 86400000 < lo ? lo : Date.UTC(y, 0, 1) / 86400000);
    svg.append(el('svg:text', { class: 'tick', x: Math.round(tx), y: H - 10, 'text-anchor': 'middle' }, String(y)));
  }
  return svg;
}

async function storyPage(id) {
  // A story republished hundreds of times has copy links by the ten thousand: the page lists the first ones.
  const v = await api('/api/stories/' + encodeURIComponent(id) + '?copies=200');
  const byId = new Map(v.articles.map(a => [a.id, a]));
  const numbers = new Map(v.articles.map((a, i) => [a.id, i + 1]));
  const cites = sources => citations(sources, numbers, byId);
  const section = (title, id, ...content) => el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...content);
  const articleLink = (aid, ...children) => route('/article/' + aid, {}, ...children);
  const outletOf = aid => byId.get(aid)?.outlet || aid;

  const summary = v.summary.length
    ? el('ol', { class: 'summary', id: 'summary' }, v.summary.map(s => el('li', {}, s.text, ' ', cites(s.sources))))
    : el('p', { class: 'muted' }, 'No summary sentence for this story.');

  const timeline = el('div', { class: 'timeline' }, timelineChart(v.timeline),
    el('ol', { id: 'timeline' }, v.timeline.map(t => el('li', {},
      el('strong', {}, t.date.display), ' ', el('span', { class: 'muted' }, `(${t.date.source.replace('_', ' ')})`), ' — ',
      t.kind === 'quote' && t.speaker ? [t.speaker, ': '] : '', t.text, ' ', cites(t.sources)))));

  const quotes = v.quotes.length ? el('div', { class: 'quotes', id: 'quotes' }, v.quotes.map(sp => el('div', {},
    el('h3', {}, sp.speaker),
    sp.quotes.map(q => el('div', {},
      el('blockquote', {}, q.kind === 'indirect' ? `(said) ${q.text}` : `“${q.text}”`),
      el('p', { class: 'meta' }, `${q.kind} · ${q.date.display} · `, q.sources.map((c, i) => [i ? ', ' : '',
        route('/article/' + c.article_id, { at: `${c.start}-${c.start + c.length}` }, c.outlet)])))))))
    : el('p', { class: 'muted' }, 'No quotes found.');

  const disputed = new Set(v.disagreements.flatMap(d => d.figures));
  const figureCells = (f, i) => [
    el('td', {}, f.category), el('td', {}, el('strong', {}, f.value), f.qualifier && f.qualifier !== 'exact' ? el('span', { class: 'muted' }, ` (${f.qualifier})`) : ''),
    el('td', {}, f.counted), el('td', {}, f.source || el('span', { class: 'muted' }, 'not attributed')), el('td', {}, f.when || ''),
    el('td', {}, f.sources.map((c, k) => [k ? ', ' : '', route('/article/' + c.article_id, { at: `${c.start}-${c.start + c.length}` }, c.outlet)])),
    el('td', {}, disputed.has(i) ? el('span', { class: 'flag' }, 'disputed') : '')];
  const figures = el('div', {},
    v.disagreements.map(d => el('div', { class: 'disagreement', role: 'note' },
      el('p', {}, el('span', { class: 'flag' }, 'Sources disagree: '), d.quantity),
      el('div', { class: 'table-wrap' }, el('table', {}, el('thead', {}, el('tr', {}, ['Value', 'Who says so', 'In'].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, d.figures.map(i => v.figures[i]).filter(Boolean).map(f => el('tr', {},
          el('td', {}, el('strong', {}, f.value)), el('td', {}, f.source || 'not attributed'),
          el('td', {}, f.sources.map((c, k) => [k ? ', ' : '', route('/article/' + c.article_id, { at: `${c.start}-${c.start + c.length}` }, c.outlet)]))))))))),
    v.figures.length ? el('div', { class: 'table-wrap' }, el('table', { id: 'figures' },
      el('thead', {}, el('tr', {}, ['What', 'Value', 'Counted', 'Who says so', 'When', 'In', ''].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, v.figures.map((f, i) => el('tr', { class: disputed.has(i) ? 'disputed' : null }, figureCells(f, i))))))
      : el('p', { class: 'muted' }, 'No figures found.'));

  const people = (title, list) => list.length ? el('div', {}, el('h3', {}, title), el('ul', {}, list.slice(0, 25).map(e => el('li', {},
    el('strong', {}, e.name), ` · ${e.mentions} mention${e.mentions === 1 ? '' : 's'}`,
    e.roles.length ? el('span', { class: 'muted' }, ' · ' + e.roles.join('; ')) : '')))) : null;
  const entities = el('div', {}, people('People', v.entities.people), people('Organisations', v.entities.organisations),
    people('Places', v.entities.places), people('Other names', v.entities.other));

  const facts = [...Array(v.coverage.facts).keys()];
  const coverage = el('div', { class: 'table-wrap' }, el('table', { id: 'coverage' },
    el('caption', { class: 'visually-hidden' }, 'Which outlet reported which summary sentence'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Outlet'), facts.map(i => el('th', { scope: 'col', title: shorten(v.summary[i]?.text, 200) }, `S${i + 1}`)),
      el('th', { scope: 'col' }, 'Only here'), el('th', { scope: 'col' }, 'Own paragraphs'), el('th', { scope: 'col' }, 'Wire copy only'))),
    el('tbody', {}, v.coverage.outlets.map(o => el('tr', {},
      el('th', { scope: 'row' }, o.article_ids.map((aid, k) => [k ? ', ' : '', articleLink(aid, k ? `#${numbers.get(aid)}` : o.outlet)])),
      facts.map(i => el('td', { class: 'yes' }, o.facts.includes(i) ? el('span', { 'aria-label': 'reported' }, '✓') : '')),
      el('td', {}, o.only_here.map(i => `S${i + 1}`).join(', ')), el('td', {}, String(o.own_paragraphs)),
      el('td', {}, o.wire_copy_only ? 'yes' : ''))))));

  const copies = v.copies.length ? el('ul', { id: 'copies' }, v.copies.map(c => el('li', {},
    articleLink(c.copy, outletOf(c.copy)), ` ${c.kind.replaceAll('_', ' ')} of `, articleLink(c.origin, outletOf(c.origin)),
    `: carries ${c.shared_paragraphs} of its paragraphs and adds ${c.added_paragraphs}`,
    c.shared.length ? [' (', route('/article/' + c.copy, { at: `${c.shared[0].copy.start}-${c.shared[0].copy.start + c.shared[0].copy.length}` }, 'first shared paragraph'), ')'] : '')))
    : el('p', { class: 'muted' }, 'No article republishes another here.');
  const copiesNote = v.copies_total > v.copies.length ? el('p', { class: 'meta' }, `showing ${v.copies.length} of ${v.copies_total.toLocaleString('en')} copy links`) : null;

  const articles = el('ol', { id: 'articles' }, v.articles.map(a => el('li', {},
    articleLink(a.id, shorten(a.title || '(no title)', 200)),
    el('span', { class: 'meta' }, ` · ${a.outlet}${a.date ? ' · ' + a.date : ''}${a.date_contradicted ? ' (page date contradicted by the content)' : ''}`,
      a.copy_of ? [' · copy of ', articleLink(a.copy_of, outletOf(a.copy_of))] : ''))));

  const range = v.first_date ? `${v.first_date}${v.last_date && v.last_date !== v.first_date ? ' – ' + v.last_date : ''}` : 'dates unknown';
  show(v.headline.text,
    el('p', { class: 'meta' }, route('/', {}, '← Stories')),
    el('h1', {}, shorten(v.headline.text, 400)),
    el('p', { class: 'meta' }, `${v.articles.length} article${v.articles.length === 1 ? '' : 's'} · ${range} · ${v.coverage.outlets.length} outlet${v.coverage.outlets.length === 1 ? '' : 's'}`),
    section('Summary', 'h-summary', summary),
    section('Timeline', 'h-timeline', timeline),
    section('Quotes by speaker', 'h-quotes', quotes),
    section('Figures', 'h-figures', figures),
    section('People, organisations, places', 'h-entities', entities),
    section('Coverage by outlet', 'h-coverage', coverage),
    section('Wire copy', 'h-copies', copiesNote, copies),
    section('Articles', 'h-articles', articles),
    v.notes.length ? section('Notes', 'h-notes', el('ul', { class: 'meta' }, v.notes.map(n => el('li', {}, n)))) : null);
}

// ---- wiring -----------------------------------------------------------------------------------------------------

document.getElementById('site-search').addEventListener('submit', ev => {
  ev.preventDefault();
  const q = document.getElementById('site-q').value.trim();
  if (q) location.hash = '#/search?' + new URLSearchParams({ q });
});
window.addEventListener('hashchange', async () => {
  await render();
  if (!main.querySelector('mark.cited')) { window.scrollTo(0, 0); main.focus({ preventScroll: true }); }
});
render();
