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
  for (const c of children.flat()) {
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

async function storyPage(id) {
  const s = await api('/api/stories/' + encodeURIComponent(id));
  show(s.headline,
    el('p', { class: 'meta' }, route('/', {}, '← Stories')),
    el('h1', {}, s.headline),
    el('h2', {}, 'Articles'),
    el('ul', { class: 'cards' }, s.articles.map(a => el('li', {},
      route('/article/' + a.id, {}, shorten(a.title || '(no title)', 300)),
      el('div', { class: 'meta' }, [a.outlet, a.date].filter(Boolean).join(' · '))))));
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
