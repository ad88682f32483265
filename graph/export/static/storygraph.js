/* storygraph timeline page.
 *
 * Reads the graph from the JSON block #data and draws it with vis-network.
 * Every string from the data is rendered with textContent / canvas text,
 * never as HTML. Positions come from Python; physics is off. Node records
 * use the attribute names of graph/schema.py; kinds and relations are read
 * through DATA.schema (the model constants by name).
 */
(function () {
  "use strict";

  const DATA = JSON.parse(document.getElementById("data").textContent);
  const K = DATA.schema;
  const byId = new Map(DATA.nodes.map((n) => [n.id, n]));
  const kindStyle = new Map(DATA.kinds.map((k) => [k.kind, k]));
  const storyById = new Map(DATA.stories.map((s) => [s.id, s]));
  const outEdges = new Map();
  const inEdges = new Map();
  for (const e of DATA.edges) {
    push(outEdges, e.from, e);
    push(inEdges, e.to, e);
  }
  const ACTOR_KINDS = new Set(DATA.actorKinds);
  const eventRank = new Map();
  DATA.nodes
    .filter((n) => n.kind === K.EVENT)
    .sort((a, b) => cmp(a.begin || "9999", b.begin || "9999") || cmp(a.end || "", b.end || "") || cmp(a.id, b.id))
    .forEach((n, i) => eventRank.set(n.id, i));

  function push(map, key, value) {
    if (!map.has(key)) map.set(key, []);
    map.get(key).push(value);
  }
  function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  /* An SVG element with these attributes (and text), appended to ``parent``. */
  function svgEl(parent, tag, attrs, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    parent.append(node);
    return node;
  }
  function fold(text) {
    return String(text || "")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[\s\-‐-―'’.]+/g, " ")
      .trim();
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  function kindName(kind) {
    return (kindStyle.get(kind) || { name: kind }).name;
  }
  function byDate(ids) {
    return ids.slice().sort((a, b) => (eventRank.get(a) ?? 1e9) - (eventRank.get(b) ?? 1e9) || cmp(a, b));
  }
  function uniq(list) {
    return Array.from(new Set(list));
  }
  function neighbours(id, rel, dir) {
    const edges = dir === "in" ? inEdges.get(id) || [] : outEdges.get(id) || [];
    return edges.filter((e) => !rel || e.rel === rel);
  }
  function eventsOf(id) {
    const linked = [
      ...(outEdges.get(id) || []).map((e) => e.to),
      ...(inEdges.get(id) || []).map((e) => e.from),
    ].filter((other) => byId.get(other) && byId.get(other).kind === K.EVENT);
    return byDate(uniq(linked));
  }

  /* ---------- vis data ---------- */

  const drawnNodes = DATA.nodes.filter((n) => n.x !== undefined);
  const big = drawnNodes.length > 800;
  function visNode(n) {
    const style = kindStyle.get(n.kind) || { shape: "dot", color: "#adb5bd", size: 10 };
    const isStory = storyById.has(n.id);
    const node = {
      id: n.id,
      x: n.x,
      y: n.y,
      label: n.text,
      title: tooltip(n),
      shape: style.shape,
      size: style.size,
      color: {
        background: style.color,
        border: isStory ? "#212529" : "#ffffff",
        highlight: { background: style.color, border: "#000000" },
        hover: { background: style.color, border: "#000000" },
      },
      borderWidth: isStory ? 1 : 1.5,
      borderWidthSelected: 3,
    };
    if (isStory) {
      node.font = { color: "#ffffff", size: 15, face: "system-ui, sans-serif", strokeWidth: 0 };
      node.margin = 8;
    } else if (n.kind === K.EVENT) {
      node.font = { size: 14, color: "#212529" };
    }
    return node;
  }
  function tooltip(n) {
    const lines = [n.label];
    if (n.date_text) lines.push(n.date_text);
    lines.push(kindName(n.kind));
    return lines.join("\n"); // vis-network 9.1.2 shows string titles with innerText
  }
  function visEdge(e, i) {
    const style = DATA.rels[e.rel];
    return {
      id: "e" + i,
      from: e.from,
      to: e.to,
      label: e.role ? e.role : style.label,
      color: { color: style.color, highlight: "#212529", hover: "#495057" },
      width: style.width,
      arrows: style.arrows ? { to: { enabled: true, scaleFactor: 0.5 } } : undefined,
      dashes: e.rel === K.DERIVED_FROM,
    };
  }

  /* ---------- levels: zoomed out, one mark per episode; zoomed in, its events ---------- */

  /* An episode's mark (positions and labels from Python) is a node of its own,
   * "mark:" + the episode's id; it stands for the episode's events. */
  const LEVELS = DATA.levels || { scale: 0, markFont: 96 };
  const MARK_PREFIX = "mark:";
  const marks = DATA.stories.flatMap((s) =>
    s.episodes.filter((ep) => ep.x !== undefined).map((ep) => ({ id: MARK_PREFIX + ep.id, story: s.id, episode: ep })));
  const markById = new Map(marks.map((mk) => [mk.id, mk]));
  const markOfEvent = new Map();
  for (const mk of marks) for (const id of mk.episode.events) markOfEvent.set(id, mk.id);
  /* "episodes" (zoomed out: storylines and episode marks) or "events" (every drawn node). */
  let level = "events";
  /* What the level leaves undrawn: marks when zoomed in; zoomed out, the events
   * a mark stands for and the actors, places, topics and articles around them. */
  function levelHides(id) {
    if (markById.has(id)) return level !== "episodes";
    if (level !== "episodes" || storyById.has(id)) return false;
    const n = byId.get(id);
    return !n || n.kind !== K.EVENT || markOfEvent.has(id);
  }
  function visMark(mk) {
    const ep = mk.episode;
    return {
      id: mk.id,
      x: ep.x,
      y: ep.y,
      label: ep.text,
      title: ep.label + "\n" + ep.events.length + (ep.events.length === 1 ? " event" : " events") + "\nEpisode",
      shape: "box",
      margin: LEVELS.markFont / 3,
      font: { size: LEVELS.markFont, color: "#ffffff", face: "system-ui, sans-serif", strokeWidth: 0, multi: false },
      color: {
        background: "#495057",
        border: "#212529",
        highlight: { background: "#343a40", border: "#000000" },
        hover: { background: "#343a40", border: "#000000" },
      },
      borderWidth: 1,
      borderWidthSelected: 3,
    };
  }
  const container = document.getElementById("graph");
  const OPENING_MIN_EVENTS = 3;
  const OPENING_MARGIN = 0.92;
  const FIT_PAD = 120; // canvas units kept around fitted nodes: room for their labels
  /* The view (centre and scale, at most 1) that shows these drawn nodes or marks. */
  function viewOf(ids) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const id of ids) {
      const p = byId.get(id) || (markById.get(id) || {}).episode;
      if (!p || p.x === undefined) continue;
      x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
    }
    if (x0 > x1) return null;
    const w = container.clientWidth || 1, h = container.clientHeight || 1;
    const scale = Math.min(1, w / (x1 - x0 + 2 * FIT_PAD), h / (y1 - y0 + 2 * FIT_PAD));
    return { position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale };
  }
  function openingView() {
    const story = openingStory();
    const view = viewOf(story && story.events.length ? story.events : drawnNodes.map((n) => n.id));
    return view && { position: view.position, scale: view.scale * OPENING_MARGIN }; // room for the edge labels
  }
  // the first draw is of the level the page opens on: it never draws what it hides at once
  const opening = openingView();
  level = marks.length && opening && opening.scale < LEVELS.scale ? "episodes" : "events";
  const drawnHidden = new Map(); // node id -> hidden, as vis-network has it
  const visNodes = [...drawnNodes.map(visNode), ...marks.map(visMark)];
  for (const node of visNodes) {
    node.hidden = levelHides(node.id);
    drawnHidden.set(node.id, node.hidden);
  }

  const nodes = new vis.DataSet(visNodes);
  const visNodeIds = visNodes.map((n) => n.id);
  /* Every drawn edge touches an event or an entity: none shows zoomed out, so
   * a page that opens zoomed out gives them to vis-network when first zoomed in
   * (making 50,000 edges takes it 0.8 s). */
  const allEdges = DATA.edges.filter((e) => e.drawn).map(visEdge);
  const visEdgeIds = allEdges.map((e) => e.id);
  const edgeEnds = allEdges.map((e) => [e.from, e.to]);
  let edgesGiven = level === "events";
  const edges = new vis.DataSet(edgesGiven ? allEdges : []);
  const network = new vis.Network(
    container,
    { nodes, edges },
    {
      autoResize: true,
      physics: false,
      layout: { improvedLayout: false, randomSeed: 1, hierarchical: false },
      interaction: {
        hover: true,
        tooltipDelay: 250,
        multiselect: false,
        hideEdgesOnDrag: big,
        hideEdgesOnZoom: big,
        keyboard: false,
        zoomSpeed: 0.6,
      },
      nodes: {
        font: { size: 14, face: "system-ui, sans-serif", color: "#343a40", strokeWidth: 4, strokeColor: "#ffffff" },
        scaling: { label: { drawThreshold: 6 } },
      },
      edges: {
        smooth: false,
        selectionWidth: 1.5,
        hoverWidth: 0.5,
        font: { size: 10, color: "#868e96", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
      },
    },
  );

  /* ---------- time axis and lanes (canvas overlay) ---------- */

  function viewBox() {
    const topLeft = network.DOMtoCanvas({ x: 0, y: 0 });
    const bottomRight = network.DOMtoCanvas({ x: container.clientWidth, y: container.clientHeight });
    return { x0: topLeft.x, y0: topLeft.y, x1: bottomRight.x, y1: bottomRight.y, s: network.getScale() };
  }
  network.on("beforeDrawing", (ctx) => {
    const v = viewBox();
    // a view set without a zoom event (moveTo, focus mid-animation): switch after this frame
    if (marks.length && (v.s < LEVELS.scale) !== (level === "episodes")) setTimeout(syncLevel, 0);
    DATA.lanes.forEach((lane, i) => {
      if (lane.bottom < v.y0 || lane.top > v.y1) return;
      ctx.fillStyle = i % 2 ? "#f8f9fa" : "#f1f3f5";
      ctx.fillRect(v.x0, lane.top, v.x1 - v.x0, lane.bottom - lane.top);
      ctx.strokeStyle = "#dee2e6";
      ctx.lineWidth = 1 / v.s;
      ctx.beginPath();
      ctx.moveTo(v.x0, lane.y);
      ctx.lineTo(v.x1, lane.y);
      ctx.stroke();
    });
    axisLabels = labelledTicks(ctx, v);
    for (const tick of axisLabels) {
      ctx.strokeStyle = tick.major ? "rgba(73,80,87,0.5)" : "rgba(173,181,189,0.5)";
      ctx.lineWidth = (tick.major ? 1.5 : 1) / v.s;
      ctx.beginPath();
      ctx.moveTo(tick.x, v.y0);
      ctx.lineTo(tick.x, v.y1);
      ctx.stroke();
    }
  });
  network.on("afterDrawing", (ctx) => {
    const v = viewBox();
    const px = 1 / v.s;
    ctx.fillStyle = "rgba(255,255,255,0.94)";
    ctx.fillRect(v.x0, v.y0, v.x1 - v.x0, AXIS_HEIGHT * px);
    ctx.strokeStyle = "#ced4da";
    ctx.lineWidth = px;
    ctx.beginPath();
    ctx.moveTo(v.x0, v.y0 + AXIS_HEIGHT * px);
    ctx.lineTo(v.x1, v.y0 + AXIS_HEIGHT * px);
    ctx.stroke();
    ctx.textBaseline = "middle";
    ctx.textAlign = "left";
    for (const tick of axisLabels) {
      ctx.font = tickFont(tick, px);
      ctx.fillStyle = tick.major ? "#212529" : "#868e96";
      ctx.fillText(tick.label, tick.x + 4 * px, v.y0 + (AXIS_HEIGHT / 2) * px);
    }
    // where the axis skips years: a break, not a linear stretch
    for (const x of DATA.breaks || []) {
      if (x < v.x0 || x > v.x1) continue;
      const y = v.y0 + AXIS_HEIGHT * px;
      ctx.fillStyle = "#fff";
      ctx.fillRect(x - 5 * px, y - 8 * px, 10 * px, 16 * px);
      ctx.strokeStyle = "#495057";
      ctx.lineWidth = 1.5 * px;
      for (const dx of [-3, 3]) {
        ctx.beginPath();
        ctx.moveTo(x + (dx - 3) * px, y + 7 * px);
        ctx.lineTo(x + (dx + 3) * px, y - 7 * px);
        ctx.stroke();
      }
    }
    ctx.font = "bold " + 13 * px + "px system-ui, sans-serif";
    DATA.lanes.forEach((lane) => {
      const y = Math.max(lane.top + 16 * px, v.y0 + (AXIS_HEIGHT + 16) * px);
      if (y > lane.bottom - 8 * px || lane.bottom < v.y0 || lane.top > v.y1) return;
      const width = ctx.measureText(lane.label).width;
      ctx.fillStyle = "rgba(255,255,255,0.85)";
      ctx.fillRect(v.x0 + 4 * px, y - 10 * px, width + 10 * px, 20 * px);
      ctx.fillStyle = "#343a40";
      ctx.fillText(lane.label, v.x0 + 9 * px, y);
    });
  });
  const AXIS_HEIGHT = 28;
  let axisLabels = [];
  function tickFont(tick, px) {
    return (tick.major ? "bold " + 13 * px : 11 * px) + "px system-ui, sans-serif";
  }
  /* A mark is drawn only where its label fits: round years first, then the
     other years, then months of the years that got a mark (long
     log-compressed gaps hold many years). */
  function tickRank(t) {
    if (!t.major) return 4;
    const year = parseInt(t.label, 10);
    return year % 100 === 0 ? 0 : year % 10 === 0 ? 1 : year % 5 === 0 ? 2 : 3;
  }
  function labelledTicks(ctx, v) {
    const slack = 200 / v.s;
    const ticks = DATA.ticks.filter((t) => t.x >= v.x0 - slack && t.x <= v.x1 + slack);
    const taken = [];
    const span = (t) => {
      ctx.font = tickFont(t, 1 / v.s);
      return [t.x, t.x + (ctx.measureText(t.label).width + 14) / v.s];
    };
    const free = (s) => taken.every(([a, b]) => s[1] <= a || s[0] >= b);
    const shown = [];
    const ranked = ticks.map((t, i) => [tickRank(t), i, t]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const years = new Set();
    for (const [, , t] of ranked) {
      const s = span(t);
      if (!free(s) || (!t.major && !years.has(t.year))) continue;
      if (t.major) years.add(t.year);
      taken.push(s);
      shown.push(t);
    }
    return shown;
  }

  /* ---------- details panel ---------- */

  const details = document.getElementById("details");
  let selected = null;

  function nodeButton(id, extra) {
    const n = byId.get(id);
    const button = el("button", n ? n.label : id, "link");
    button.type = "button";
    button.addEventListener("click", () => select(id, { focus: true }));
    if (!extra) return button;
    const wrap = el("span");
    wrap.append(button, el("span", " " + extra, "muted"));
    return wrap;
  }
  function kindBadge(kind) {
    const badge = el("span", null, "kind");
    badge.append(icon(kind), el("span", kindName(kind)));
    return badge;
  }
  function link(url, text) {
    const safe = safeUrl(url);
    if (!safe) return el("span", text || url);
    const a = el("a", text || url);
    a.href = safe;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function fields(rows) {
    const dl = el("dl");
    for (const [name, value] of rows) {
      if (value === undefined || value === null || value === "" || (Array.isArray(value) && !value.length)) continue;
      dl.append(el("dt", name));
      const dd = el("dd");
      dd.append(value instanceof Node ? value : el("span", Array.isArray(value) ? value.join(", ") : value));
      dl.append(dd);
    }
    return dl;
  }
  function section(title, items) {
    const box = el("div");
    if (!items.length) return box;
    box.append(el("h3", title));
    const ul = el("ul");
    for (const item of items) {
      const li = el("li");
      li.append(item);
      ul.append(li);
    }
    box.append(ul);
    return box;
  }
  function eventLine(id) {
    const n = byId.get(id);
    return nodeButton(id, n && n.date_text ? "· " + n.date_text : "");
  }
  function linked(id, rel) {
    return neighbours(id, rel, "out").map((e) => nodeButton(e.to, e.role ? "(" + e.role + ")" : ""));
  }

  /* A sentence as DOM text with the words that dated the event and the names
   * of its actors marked (text nodes and <mark>s only: never parsed as HTML). */
  function markedSentence(sentence, n) {
    const words = [];
    for (const audit of n.date_audit || []) {
      const said = audit.split(" | ")[0];
      if (said) words.push([said, "date"]);
    }
    for (const e of neighbours(n.id, K.ACTOR, "out")) {
      const actor = byId.get(e.to);
      if (actor) for (const name of [actor.label, ...(actor.aliases || [])]) words.push([name, "actor"]);
    }
    const quote = el("blockquote");
    const found = [];
    for (const [word, cls] of words.filter(([w]) => w.length > 1).sort((a, b) => b[0].length - a[0].length)) {
      let at = sentence.indexOf(word);
      while (at >= 0) {
        if (!found.some(([s, e]) => at < e && s < at + word.length)) found.push([at, at + word.length, cls]);
        at = sentence.indexOf(word, at + word.length);
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    let pos = 0;
    for (const [start, end, cls] of found) {
      quote.append(document.createTextNode(sentence.slice(pos, start)), el("mark", sentence.slice(start, end), cls));
      pos = end;
    }
    quote.append(document.createTextNode(sentence.slice(pos)));
    return quote;
  }
  const DATING_NAMES = { "own-date": "stated in its sentence", "discourse-time": "from the event it goes on telling",
    "report-time": "from its report (told without a date)" };
  function renderEvent(n) {
    const story = storyById.get(n.story);
    const interval = n.begin ? n.begin + (n.end && n.end !== n.begin ? " – " + n.end : "") : "";
    const reports = neighbours(n.id, K.DERIVED_FROM, "out");
    const parts = [
      fields([
        ["Date", n.date_text || interval],
        ["Interval", n.date_text ? interval : ""],
        ["Dated", DATING_NAMES[n.dating] || ""],
        ["Type", n.event_type],
        ["Story", story ? nodeButton(story.id) : ""],
        ["Reported by", reports.length + (reports.length === 1 ? " article" : " articles")],
      ]),
      section("Actors", linked(n.id, K.ACTOR)),
      section("Place", linked(n.id, K.PLACE)),
      section("Topics", linked(n.id, K.SUBJECT)),
      section("Evidence", (n.evidence || []).map((s) => markedSentence(s, n))),
      section("Reported in", reports.map(sourceBox)),
    ];
    if (n.date_audit && n.date_audit.length) parts.push(section("Date audit", n.date_audit.map((s) => el("span", s, "muted"))));
    if (n.merge_reason) parts.push(fields([["Merged", n.merge_reason]]));
    return parts;
  }
  function sourceBox(edge) {
    const a = byId.get(edge.to) || { id: edge.to, label: edge.to };
    const box = el("div", null, "source");
    box.append(nodeButton(a.id));
    box.append(
      fields([
        ["Publisher", a.publisher],
        ["Published", a.published],
        ["Source", a.url ? link(a.url) : a.source],
      ]),
    );
    for (const s of edge.evidence || []) box.append(el("blockquote", s));
    return box;
  }
  function renderEntity(n) {
    return [
      fields([
        ["Aliases", (n.aliases || []).filter((a) => a !== n.label)],
        ["Wikidata", n.wikidata ? link(n.wikidata) : ""],
        ["Concept", n.concept ? link(n.concept) : ""],
      ]),
      section("Events (" + eventsOf(n.id).length + ")", eventsOf(n.id).map(eventLine)),
    ];
  }
  function renderArticle(n) {
    return [
      fields([
        ["Headline", n.headline !== n.label ? n.headline : ""],
        ["Publisher", n.publisher],
        ["Author", n.author],
        ["Published", n.published ? n.published + (n.published_how ? " (" + n.published_how + ")" : "") : ""],
        ["Source", n.source],
        ["URL", n.url ? link(n.url) : ""],
        ["Language", n.language],
      ]),
      section("Events reported", eventsOf(n.id).map(eventLine)),
    ];
  }
  function renderStory(n) {
    const story = storyById.get(n.id) || { events: [], articles: [], episodes: [] };
    return [
      section("Episodes", story.episodes.map((ep) => episodeLine(ep))),
      section("Timeline", story.events.map(eventLine)),
      section("Articles", story.articles.map((id) => nodeButton(id))),
    ];
  }
  /* An episode of a storyline: its name and events; choosing it fits them. */
  function episodeLine(ep) {
    const button = el("button", ep.label + " (" + ep.events.length + " events)");
    button.type = "button";
    button.className = "episode";
    button.addEventListener("click", () => fitEvents(ep.events));
    return button;
  }
  function renderEpisode(mk) {
    const ep = mk.episode;
    return [
      fields([
        ["Storyline", nodeButton(mk.story)],
        ["Events", String(ep.events.length)],
      ]),
      section("Timeline", ep.events.map(eventLine)),
    ];
  }
  function renderDetails(id) {
    details.replaceChildren();
    const mk = markById.get(id);
    if (mk) {
      details.append(kindBadge(K.STORY), el("h2", mk.episode.label), ...renderEpisode(mk));
      return;
    }
    const n = byId.get(id);
    if (!n) {
      details.append(el("p", "Click or hover a node to see its details. Use ← and → to step along a story.", "hint"));
      return;
    }
    details.append(kindBadge(n.kind), el("h2", n.label));
    const hidden = n.x === undefined ? "Not drawn (large graph)." : isHidden(n.id) ? "Hidden by the filters." : "";
    if (hidden) details.append(el("p", hidden, "muted"));
    const render =
      n.kind === K.EVENT ? renderEvent : n.kind === K.ARTICLE ? renderArticle : storyById.has(n.id) ? renderStory : renderEntity;
    details.append(...render(n));
  }

  /* ---------- selection, search, navigation ---------- */

  /* Hidden by the filters, or not drawn at all (a large graph's left-out kinds). */
  function isHidden(id) {
    return !drawnHidden.has(id) || filteredOut.has(id);
  }
  function select(id, opts) {
    selected = id;
    if (markById.has(id)) {
      network.selectNodes([id]);
      fitEvents(markById.get(id).episode.events, LEVELS.scale * MARK_ZOOM);
    } else if (drawnHidden.has(id)) {
      network.selectNodes([id]);
      if (opts && opts.focus) network.focus(id, { scale: Math.max(network.getScale(), 0.9), animation: { duration: 300 } });
    } else {
      network.unselectAll();
    }
    renderDetails(id);
    updateStatus();
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
  });
  network.on("hoverNode", (params) => renderDetails(params.node));
  network.on("blurNode", () => renderDetails(selected));

  const searchIndex = DATA.nodes.map((n) => ({
    id: n.id,
    names: uniq([n.label, ...(n.aliases || []), n.headline || ""].filter(Boolean)).map(fold),
  }));
  const kindOrder = new Map(DATA.kinds.map((k, i) => [k.kind, ACTOR_KINDS.has(k.kind) ? 0 : i + 1]));
  function search(query) {
    const q = fold(query);
    if (!q) return [];
    const hits = [];
    for (const entry of searchIndex) {
      let best = 9;
      for (const name of entry.names) {
        const score = name === q ? 0 : name.startsWith(q) ? 1 : (" " + name).includes(" " + q) ? 2 : name.includes(q) ? 3 : 9;
        best = Math.min(best, score);
      }
      if (best < 9) hits.push([best, kindOrder.get(byId.get(entry.id).kind) ?? 99, byId.get(entry.id).label, entry.id]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || cmp(a[2], b[2]) || cmp(a[3], b[3]));
    return hits.map((h) => h[3]);
  }
  const searchInput = document.getElementById("search");
  const results = document.getElementById("results");
  function showResults() {
    const ids = search(searchInput.value).slice(0, 12);
    results.replaceChildren();
    results.hidden = !ids.length;
    ids.forEach((id, i) => {
      const n = byId.get(id);
      const li = el("li", null, i === 0 ? "active" : "");
      li.setAttribute("role", "option");
      li.append(icon(n.kind), el("span", n.label), el("span", n.date_text || kindName(n.kind), "muted"));
      li.addEventListener("mousedown", (ev) => {
        ev.preventDefault();
        choose(id);
      });
      results.append(li);
    });
  }
  function choose(id) {
    results.hidden = true;
    select(id, { focus: true });
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("focus", showResults);
  searchInput.addEventListener("blur", () => (results.hidden = true));
  searchInput.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter") {
      const first = search(searchInput.value)[0];
      if (first) choose(first);
    } else if (ev.key === "Escape") {
      results.hidden = true;
    }
  });

  function currentStoryEvents() {
    if (markById.has(selected)) return markById.get(selected).episode.events;
    const n = byId.get(selected);
    if (n && n.kind === K.EVENT && storyById.get(n.story)) return storyById.get(n.story).events;
    if (n && storyById.get(n.id)) return storyById.get(n.id).events;
    return DATA.stories.length ? DATA.stories[0].events : [];
  }
  function step(direction) {
    const list = currentStoryEvents().filter((id) => !isHidden(id));
    if (!list.length) return null;
    const at = list.indexOf(selected);
    const target = at < 0 ? (direction > 0 ? list[0] : list[list.length - 1]) : list[at + direction];
    if (target) select(target, { focus: true });
    return target || null;
  }
  document.getElementById("prev").addEventListener("click", () => step(-1));
  document.getElementById("next").addEventListener("click", () => step(1));
  document.getElementById("fit").addEventListener("click", () => network.fit({ animation: { duration: 300 } }));
  document.addEventListener("keydown", (ev) => {
    if (ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement) return;
    if (ev.key === "ArrowLeft") step(-1);
    if (ev.key === "ArrowRight") step(1);
  });

  /* ---------- filters ---------- */

  const filterEls = {
    story: document.getElementById("f-story"),
    actor: document.getElementById("f-actor"),
    topic: document.getElementById("f-topic"),
    from: document.getElementById("f-from"),
    to: document.getElementById("f-to"),
  };
  const kindBoxes = new Map();
  function fillSelect(select, list) {
    for (const n of list) {
      const option = el("option", n.label + (n.kind && ACTOR_KINDS.has(n.kind) ? " · " + kindName(n.kind) : ""));
      option.value = n.id;
      select.append(option);
    }
  }
  function initFilters() {
    const sorted = (pred) => DATA.nodes.filter(pred).sort((a, b) => cmp(fold(a.label), fold(b.label)) || cmp(a.id, b.id));
    fillSelect(filterEls.story, DATA.stories.map((s) => ({ id: s.id, label: s.label })));
    fillSelect(filterEls.actor, sorted((n) => ACTOR_KINDS.has(n.kind)));
    fillSelect(filterEls.topic, sorted((n) => n.kind === K.TOPIC));
    const present = new Set(DATA.nodes.map((n) => n.kind));
    const box = document.getElementById("f-kinds");
    for (const k of DATA.kinds.filter((k) => present.has(k.kind))) {
      const input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = k.kind;
      input.disabled = !drawnNodes.some((n) => n.kind === k.kind);
      kindBoxes.set(k.kind, input);
      const label = el("label");
      label.append(input, icon(k.kind), el("span", k.name));
      box.append(label);
    }
    for (const control of [...Object.values(filterEls), ...kindBoxes.values()]) {
      control.addEventListener("input", applyFilters);
      control.addEventListener("change", applyFilters);
    }
    document.getElementById("f-reset").addEventListener("click", resetFilters);
  }
  function eventVisible(n, f) {
    if (f.story && n.story !== f.story) return false;
    if (f.from && (n.end || n.begin || "9999") < f.from) return false;
    if (f.to && (n.begin || "0000") > f.to) return false;
    if (f.actor && !neighbours(n.id, K.ACTOR, "out").some((e) => e.to === f.actor)) return false;
    if (f.topic && !neighbours(n.id, K.SUBJECT, "out").some((e) => e.to === f.topic)) return false;
    return true;
  }
  // what applyFilters reads for every node at every change, computed once
  const linkedCache = new Map();
  function linkedEvents(id) {
    if (!linkedCache.has(id)) linkedCache.set(id, eventsOf(id));
    return linkedCache.get(id);
  }
  let filteredOut = new Set(); // drawn nodes and marks the filters hide
  function applyFilters() {
    const f = {};
    for (const [name, control] of Object.entries(filterEls)) f[name] = control.value;
    const kindOn = (kind) => !kindBoxes.has(kind) || kindBoxes.get(kind).checked;
    const shownEvents = new Set(drawnNodes.filter((n) => n.kind === K.EVENT && eventVisible(n, f)).map((n) => n.id));
    const out = new Set();
    for (const n of drawnNodes) {
      let visible = kindOn(n.kind);
      if (visible && n.kind === K.EVENT) visible = shownEvents.has(n.id);
      else if (visible && storyById.has(n.id)) visible = !f.story || f.story === n.id;
      else if (visible) {
        const evs = linkedEvents(n.id);
        visible = !evs.length || evs.some((id) => shownEvents.has(id));
      }
      if (!visible) out.add(n.id);
    }
    // a mark shows while any of its events does
    const eventsOn = kindOn(K.EVENT);
    for (const mk of marks) if (!eventsOn || !mk.episode.events.some((id) => shownEvents.has(id))) out.add(mk.id);
    filteredOut = out;
    refreshVisibility();
    updateStatus();
    if (!document.getElementById("lanes").hidden) drawLanes(); // the lanes follow the filters too
  }
  /* Give vis-network the hidden flag of every node whose flag changes (filters
   * or level), then its lists of drawn nodes and edges, and one redraw on the
   * next frame. This uses vis-network's internals (9.1.2 as vendored; the
   * tests check what it draws): a DataSet update re-reads every option of each
   * changed node and redraws at once (40 ms per 1,000 nodes), and vis's own
   * refresh after it reconnects every edge (40 ms at 50,000 edges). An edge is
   * drawn when both its ends are, as vis-network does. */
  function refreshVisibility() {
    const body = network.body;
    let changed = 0;
    for (const [id, was] of drawnHidden) {
      const hide = filteredOut.has(id) || levelHides(id);
      if (hide === was) continue;
      drawnHidden.set(id, hide);
      body.nodes[id].options.hidden = hide;
      changed++;
    }
    if (changed) {
      body.nodeIndices = visNodeIds.filter((id) => !drawnHidden.get(id));
      body.edgeIndices = !edgesGiven ? [] : visEdgeIds.filter((id, i) => !drawnHidden.get(edgeEnds[i][0]) && !drawnHidden.get(edgeEnds[i][1]));
      body.emitter.emit("_requestRedraw");
    }
    return changed;
  }
  function resetFilters() {
    for (const control of Object.values(filterEls)) control.value = "";
    for (const box of kindBoxes.values()) box.checked = true;
    applyFilters();
  }
  /* The nodes the filters leave visible (the level aside: zoomed out, events
   * are folded into their episodes' marks but still count as visible). */
  function visibleNodeIds() {
    return drawnNodes.map((n) => n.id).filter((id) => !filteredOut.has(id)).sort();
  }
  const drawnEvents = drawnNodes.filter((n) => n.kind === K.EVENT).map((n) => n.id);
  function updateStatus() {
    const events = drawnEvents.filter((id) => !filteredOut.has(id)).length;
    const zoomedOut = level === "episodes"
      ? " · zoomed out: " + marks.filter((mk) => !filteredOut.has(mk.id)).length + " episodes (zoom in for events)" : "";
    document.getElementById("status").textContent =
      events + " events shown · " + DATA.stories.length + " stories · " + DATA.nodes.length + " nodes" + zoomedOut;
  }

  /* ---------- legend, notice ---------- */

  function icon(kind) {
    const style = kindStyle.get(kind) || { shape: "dot", color: "#adb5bd" };
    const svg = svgEl(document.createDocumentFragment(), "svg", { width: 14, height: 14, viewBox: "-7 -7 14 14" });
    const shapes = {
      dot: ["circle", { r: "5.5" }],
      triangle: ["polygon", { points: "0,-6 6,5 -6,5" }],
      triangleDown: ["polygon", { points: "0,6 6,-5 -6,-5" }],
      square: ["rect", { x: "-5", y: "-5", width: "10", height: "10" }],
      diamond: ["polygon", { points: "0,-6.5 6.5,0 0,6.5 -6.5,0" }],
      hexagon: ["polygon", { points: "6,0 3,5.2 -3,5.2 -6,0 -3,-5.2 3,-5.2" }],
      star: ["polygon", { points: "0,-6.5 1.6,-2 6.3,-2 2.5,0.9 3.9,5.4 0,2.7 -3.9,5.4 -2.5,0.9 -6.3,-2 -1.6,-2" }],
      box: ["rect", { x: "-6.5", y: "-4.5", width: "13", height: "9", rx: "2" }],
    };
    const [tag, attrs] = shapes[style.shape] || shapes.dot;
    svgEl(svg, tag, { ...attrs, fill: style.color });
    return svg;
  }
  function initLegend() {
    const legend = document.getElementById("legend");
    legend.append(el("div", "Legend", "title"));
    const present = new Set(drawnNodes.map((n) => n.kind));
    if (marks.length) present.add(K.STORY); // episode marks
    for (const k of DATA.kinds.filter((k) => present.has(k.kind))) {
      const item = el("div", null, "item");
      item.append(icon(k.kind), el("span", k.name));
      legend.append(item);
    }
    const rels = new Set(DATA.edges.filter((e) => e.drawn).map((e) => e.rel)); // given to vis or not yet
    for (const [rel, style] of Object.entries(DATA.rels).filter(([rel]) => rels.has(rel))) {
      const item = el("div", null, "item");
      const line = el("span", null, "line");
      line.style.borderTopColor = style.color;
      if (rel === K.DERIVED_FROM) line.style.borderTopStyle = "dashed";
      item.append(line, el("span", style.label));
      legend.append(item);
    }
  }
  function initNotice() {
    const omitted = DATA.omitted;
    if (!omitted.length) return;
    const notice = document.getElementById("notice");
    const parts = omitted.map(([kind, count]) => count + " " + kindName(kind).toLowerCase() + " nodes");
    notice.textContent =
      "Large graph (" + DATA.nodes.length + " nodes, more than " + DATA.max_nodes + "): not drawn — " +
      parts.join(", ") + ". Their details remain in the side panel and the search.";
    notice.hidden = false;
  }

  /* The story the page opens on: the most recent of the large ones (three
   * events or more, else any), the one with more events on a tie. */
  function openingStory() {
    const large = DATA.stories.filter((s) => s.events.length >= OPENING_MIN_EVENTS);
    const pool = large.length ? large : DATA.stories;
    const byId = new Map(drawnNodes.map((n) => [n.id, n]));
    const last = (s) => s.events.reduce((m, id) => {
      const n = byId.get(id);
      const day = n ? n.end || n.begin || "" : "";
      return day > m ? day : m;
    }, "");
    return pool.slice().sort((a, b) => cmp(last(b), last(a)) || b.events.length - a.events.length)[0];
  }

  /* Open with every event of that story in view, whatever the window's size
   * (labels appear as one zooms in); the whole graph when no story is drawn. */
  function initialView() {
    const view = openingView();
    if (view) network.moveTo(view);
    syncLevel();
  }

  /* The level for the current scale: switched only when the scale crosses
   * LEVELS.scale (one visibility refresh), never on other zoom steps. */
  function syncLevel() {
    const want = marks.length && network.getScale() < LEVELS.scale ? "episodes" : "events";
    if (want !== level) {
      level = want;
      if (!edgesGiven) {
        edgesGiven = true;
        network.body.emitter.emit("_blockRedraw");
        edges.add(allEdges);
        network.body.emitter.emit("_allowRedraw");
      }
      refreshVisibility();
      updateStatus();
    }
    return level;
  }
  network.on("zoom", syncLevel);
  network.on("animationFinished", syncLevel);

  /* ---------- story index, time window ---------- */

  /* One row per story, the most recent first: name, time span, articles,
   * events and main actors; choosing one fits its events into view. */
  function storyRows() {
    const span = (s) => {
      const days = s.events.map((id) => byId.get(id)).filter(Boolean);
      const first = days.reduce((m, n) => (n.begin && (!m || n.begin < m) ? n.begin : m), "");
      const last = days.reduce((m, n) => ((n.end || n.begin || "") > m ? n.end || n.begin : m), "");
      return [first, last];
    };
    const actorsOf = (s) => {
      const counts = new Map();
      for (const id of s.events) {
        for (const e of neighbours(id, K.ACTOR, "out")) counts.set(e.to, (counts.get(e.to) || 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).slice(0, STORY_ACTORS)
        .map(([id]) => (byId.get(id) || { label: id }).label);
    };
    return DATA.stories.map((s) => ({
      id: s.id, label: s.label, events: s.events, span: span(s), actors: actorsOf(s),
      articles: s.articles.length, episodes: s.episodes,
    })).sort((a, b) => cmp(b.span[1], a.span[1]) || b.events.length - a.events.length || cmp(a.id, b.id));
  }
  const STORY_ACTORS = 3;
  const TIMEBAR_MONTHS_UP_TO_YEARS = 4; // a wider span is drawn in years
  const TIMEBAR_PLAY_MS = 1200;
  function initStoryIndex() {
    const index = document.getElementById("story-index");
    index.append(el("div", "Stories", "title"));
    const list = el("ol");
    for (const row of storyRows()) {
      const item = el("li");
      item.dataset.story = row.id;
      const button = el("button", row.label);
      button.type = "button";
      button.addEventListener("click", () => fitStory(row.id));
      const when = row.span[0] ? row.span[0] + (row.span[1] !== row.span[0] ? " – " + row.span[1] : "") : "undated";
      item.append(button, el("div", when + " · " + row.episodes.length + " episodes · " + row.articles +
        " articles · " + row.events.length + " events", "muted"), el("div", row.actors.join(", "), "muted"));
      if (row.episodes.length > 1) {
        const episodes = el("ol", null, "episodes");
        for (const ep of row.episodes.slice().reverse()) {
          const line = el("li");
          line.append(episodeLine(ep));
          episodes.append(line);
        }
        item.append(episodes);
      }
      list.append(item);
    }
    index.append(list);
  }
  function fitStory(id) {
    const story = storyById.get(id);
    return fitEvents(story ? story.events : []);
  }
  /* Fit these events into view, zooming in to at least ``minScale``. */
  function fitEvents(events, minScale) {
    const ids = events.filter((e) => drawnHidden.has(e));
    const view = viewOf(ids);
    if (view) {
      network.moveTo({ position: view.position, scale: Math.max(view.scale, minScale || 0),
        animation: { duration: 300 } });
    }
    return ids.length;
  }
  const MARK_ZOOM = 1.25; // choosing a mark zooms in at least this far past LEVELS.scale: its events show
  /* Show only the events within [from, to] (ISO dates; null, null shows all). */
  function setTimeWindow(from, to) {
    filterEls.from.value = from || "";
    filterEls.to.value = to || "";
    applyFilters();
    drawBrush();
  }

  /* ---------- time bar: events per period, stacked by story; drag to choose a window ---------- */

  const STORY_COLOURS = ["#1c7ed6", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00", "#0c8599", "#c2255c", "#5c940d"];
  const chart = document.getElementById("tb-chart");
  const datedEvents = drawnNodes.filter((n) => n.kind === K.EVENT && n.begin);
  const years = datedEvents.map((n) => Number(n.begin.slice(0, 4)));
  const firstYear = years.length ? Math.min(...years) : 0;
  const lastYear = years.length ? Math.max(...years) : 0;
  const byMonth = lastYear - firstYear <= TIMEBAR_MONTHS_UP_TO_YEARS;
  /* The periods of the bar: months over a few years, else years; linear in time. */
  function periodOf(day) {
    const year = Number(day.slice(0, 4));
    return byMonth ? (year - firstYear) * 12 + Number(day.slice(5, 7)) - 1 : year - firstYear;
  }
  function periodStart(i) {
    if (!byMonth) return String(firstYear + i) + "-01-01";
    const year = firstYear + Math.floor(i / 12);
    return year + "-" + String((i % 12) + 1).padStart(2, "0") + "-01";
  }
  function periodEnd(i) {
    const next = periodStart(i + 1);
    const d = new Date(next + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }
  const periods = years.length ? periodOf(String(lastYear) + "-12-31") + 1 : 0;
  const storyIndex = new Map(DATA.stories.map((s, i) => [s.id, i]));
  let brush = null; // [first period, last period] or null
  function chartSize() {
    const box = chart.getBoundingClientRect();
    return { width: Math.max(box.width, 100), height: Math.max(box.height, 40) };
  }
  function drawTimebar() {
    chart.replaceChildren();
    if (!periods) return;
    const { width, height } = chartSize();
    const counts = Array.from({ length: periods }, () => new Map());
    for (const n of datedEvents) {
      const bin = counts[periodOf(n.begin)];
      const key = storyIndex.has(n.story) ? storyIndex.get(n.story) : -1;
      bin.set(key, (bin.get(key) || 0) + 1);
    }
    const top = Math.max(1, ...counts.map((c) => [...c.values()].reduce((a, b) => a + b, 0)));
    const w = width / periods;
    const plot = height - 14;
    counts.forEach((bin, i) => {
      let y = plot;
      for (const [key, count] of [...bin].sort((a, b) => a[0] - b[0])) {
        const h = (count / top) * (plot - 4);
        const rect = svgEl(chart, "rect", {
          class: "bin", x: i * w + 0.5, y: y - h, width: Math.max(w - 1, 1), height: h,
          fill: key < 0 ? "#adb5bd" : STORY_COLOURS[key % STORY_COLOURS.length],
        });
        svgEl(rect, "title", {}, periodStart(i).slice(0, byMonth ? 7 : 4) + ": " + count + " events");
        y -= h;
      }
    });
    const step = Math.max(1, Math.ceil(periods / Math.max(1, Math.floor(width / 60))));
    for (let i = 0; i < periods; i += step) {
      svgEl(chart, "text", { x: i * w + 1, y: height - 2 }, periodStart(i).slice(0, byMonth ? 7 : 4));
    }
    drawBrush();
  }
  function drawBrush() {
    const old = chart.querySelector(".brush");
    if (old) old.remove();
    const from = filterEls.from.value, to = filterEls.to.value;
    const shown = document.getElementById("tb-window");
    shown.textContent = from || to ? (from || "…") + " – " + (to || "…") : "all dates";
    if (!periods || (!from && !to)) { brush = null; return; }
    const a = from ? Math.max(0, periodOf(from)) : 0;
    const b = to ? Math.min(periods - 1, periodOf(to)) : periods - 1;
    brush = [Math.min(a, b), Math.max(a, b)];
    const { width, height } = chartSize();
    const w = width / periods;
    svgEl(chart, "rect", { class: "brush", x: brush[0] * w, y: 0, width: (brush[1] - brush[0] + 1) * w,
      height: height - 14 });
  }
  function periodAt(clientX) {
    const box = chart.getBoundingClientRect();
    return Math.min(periods - 1, Math.max(0, Math.floor(((clientX - box.left) / box.width) * periods)));
  }
  function windowOf(a, b) {
    const [first, last] = [Math.min(a, b), Math.max(a, b)];
    setTimeWindow(periodStart(first), periodEnd(last));
  }
  function moveWindow(direction) {
    if (!brush) return false;
    const span = brush[1] - brush[0] + 1;
    const first = brush[0] + direction * span;
    if (first > periods - 1 || first + span - 1 < 0) return false;
    windowOf(Math.max(0, first), Math.min(periods - 1, first + span - 1));
    return true;
  }
  let playing = null;
  function play() {
    const button = document.getElementById("tb-play");
    if (playing) { clearInterval(playing); playing = null; button.textContent = "▶ Play"; return; }
    if (!brush) windowOf(0, Math.min(periods - 1, Math.max(0, Math.floor(periods / 10))));
    button.textContent = "❚❚ Pause";
    playing = setInterval(() => { if (!moveWindow(1)) play(); }, TIMEBAR_PLAY_MS);
  }
  /* ---------- entity lanes: one row per actor, events as marks joined across rows ---------- */

  const lanesBox = document.getElementById("lanes");
  const lanesChart = document.getElementById("lanes-chart");
  let view = "graph";
  function dayNumber(day) {
    return Date.parse(day + "T00:00:00Z") / 86400000;
  }
  /* The visible events (the time window and filters apply), their actors by
   * how many of them they take part in (the LANES_MAX busiest), and a linear
   * time scale over the events' span. */
  function drawLanes() {
    lanesChart.replaceChildren();
    const shown = new Set(visibleNodeIds());
    const events = drawnNodes.filter((n) => n.kind === K.EVENT && n.begin && shown.has(n.id));
    const taking = new Map();
    for (const e of events) {
      for (const edge of neighbours(e.id, K.ACTOR, "out")) {
        if (!taking.has(edge.to)) taking.set(edge.to, []);
        taking.get(edge.to).push(e.id);
      }
    }
    const actors = [...taking].sort((a, b) => b[1].length - a[1].length || cmp(a[0], b[0]))
      .slice(0, LANES_MAX).map(([id]) => id);
    const row = new Map(actors.map((id, i) => [id, i]));
    const width = Math.max(lanesBox.clientWidth - 20, 400);
    const height = LANES_TOP + actors.length * LANES_ROW + 10;
    lanesChart.setAttribute("width", String(width));
    lanesChart.setAttribute("height", String(height));
    if (!events.length) return;
    // Linear in time, but a gap of more than LANES_BREAK_DAYS between two
    // events is drawn as a break of that width (marked on the axis).
    const days = [...new Set(events.map((e) => dayNumber(e.begin)))].sort((a, b) => a - b);
    const offset = new Map([[days[0], 0]]);
    const breaks = [];
    for (let i = 1; i < days.length; i++) {
      const gap = days[i] - days[i - 1];
      if (gap > LANES_BREAK_DAYS) breaks.push(offset.get(days[i - 1]) + LANES_BREAK_DAYS / 2);
      offset.set(days[i], offset.get(days[i - 1]) + Math.min(gap, LANES_BREAK_DAYS));
    }
    const span = Math.max(offset.get(days[days.length - 1]), 1);
    const scale = (width - LANES_LEFT - 60) / span;
    const x = (day) => LANES_LEFT + offset.get(day) * scale;
    const y = (i) => LANES_TOP + i * LANES_ROW + LANES_ROW / 2;
    const add = (tag, attrs, text) => svgEl(lanesChart, tag, attrs, text);
    actors.forEach((id, i) => {
      add("line", { class: "row", x1: LANES_LEFT, x2: width - 10, y1: y(i), y2: y(i) });
      add("text", { class: "name", x: 4, y: y(i) + 4 }, (byId.get(id) || { label: id }).label);
    });
    let lastTick = -Infinity;
    for (const day of days) {
      if (x(day) - lastTick < LANES_TICK_GAP) continue;
      lastTick = x(day);
      add("text", { class: "tick", x: x(day) - 4, y: 14 }, new Date(day * 86400000).toISOString().slice(0, 10));
    }
    for (const at of breaks) {
      const bx = LANES_LEFT + at * scale;
      add("text", { class: "tick", x: bx - 4, y: 28 }, "≈");
      add("line", { class: "row", x1: bx, x2: bx, y1: LANES_TOP, y2: height - 10, "stroke-dasharray": "2 4" });
    }
    for (const e of events) {
      const rows = neighbours(e.id, K.ACTOR, "out").map((edge) => row.get(edge.to))
        .filter((i) => i !== undefined).sort((a, b) => a - b);
      if (!rows.length) continue;
      const at = x(dayNumber(e.begin));
      if (rows.length > 1) add("line", { class: "join", x1: at, x2: at, y1: y(rows[0]), y2: y(rows[rows.length - 1]) });
      for (const i of rows) {
        const mark = add("circle", { class: "mark", cx: at, cy: y(i), r: 5, "data-event": e.id });
        svgEl(mark, "title", {}, e.label + " · " + (e.date_text || e.begin));
        mark.addEventListener("click", () => select(e.id));
      }
    }
  }
  const LANES_MAX = 24;
  const LANES_ROW = 26;
  const LANES_TOP = 24;
  const LANES_LEFT = 170;
  const LANES_BREAK_DAYS = 60; // a longer gap between events is drawn as a break
  const LANES_TICK_GAP = 80; // pixels between date labels, at least
  /* "graph" (the network) or "lanes" (who took part in what, when). */
  function setView(name) {
    view = name === "lanes" ? "lanes" : "graph";
    lanesBox.hidden = view !== "lanes";
    container.hidden = view === "lanes";
    document.getElementById("legend").hidden = view === "lanes"; // the legend is the graph's
    document.getElementById("view").textContent = view === "lanes" ? "Graph" : "Lanes";
    if (view === "lanes") drawLanes();
    else network.redraw();
    return view;
  }

  function initTimebar() {
    let start = null;
    chart.addEventListener("pointerdown", (ev) => { start = periodAt(ev.clientX); chart.setPointerCapture(ev.pointerId); });
    chart.addEventListener("pointerup", (ev) => {
      if (start === null) return;
      const end = periodAt(ev.clientX);
      if (end === start && brush && brush[0] === start && brush[1] === start) setTimeWindow(null, null);
      else windowOf(start, end);
      start = null;
    });
    document.getElementById("tb-back").addEventListener("click", () => moveWindow(-1));
    document.getElementById("tb-forward").addEventListener("click", () => moveWindow(1));
    document.getElementById("tb-clear").addEventListener("click", () => setTimeWindow(null, null));
    document.getElementById("tb-play").addEventListener("click", play);
    for (const control of [filterEls.from, filterEls.to]) control.addEventListener("change", drawBrush);
    document.getElementById("f-reset").addEventListener("click", drawBrush);
    window.addEventListener("resize", drawTimebar);
    document.getElementById("view").addEventListener("click", () => setView(view === "lanes" ? "graph" : "lanes"));
    drawTimebar();
  }

  initFilters();
  initStoryIndex();
  initTimebar();
  initLegend();
  initNotice();
  renderDetails(null);
  updateStatus();
  initialView();
  window.storygraph = { network, nodes, edges, data: DATA, search, select, step, applyFilters, visibleNodeIds,
    setTimeWindow, fitStory, moveWindow, setView, selected: () => selected, isHidden,
    level: syncLevel, markOf: (episode) => MARK_PREFIX + episode,
    drawnIds: () => network.body.nodeIndices.slice().sort() };
})();
