/* Site search: our own small interface on Pagefind's JavaScript API (pagefind/pagefind.js, from the build).
 * The search page (docs/search.md) holds the form, "Filter results", a live status line and the result list.
 * Runs on every page view (Material's instant navigation: document$). Downloads: on a page, this file and
 * search.css only; on the first query, pagefind.js, its WebAssembly, the index metadata, the index chunks of
 * the query's words and one fragment per result shown; the filter files only when "Filter results" is opened
 * (or a link carries filters). Pagefind runs on the page (noWorker): its worker would be one more 41 KB file.
 * The commonest words are left out of a query (not of a quoted phrase): they are in every response and their
 * index chunks are the largest. Query and filters are kept in the URL (search/?q=...&exemption=...).
 * Nothing from a document becomes HTML: titles and excerpts are parsed in an inert document and copied out as
 * text; only Pagefind's <mark> highlights are kept, as elements made here.
 */
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);   // this file is assets/search.js under the site root
  var bundle = new URL("pagefind/", root);
  var PAGE_SIZE = 5;           // results shown at once: one fragment file each
  var PARTS = 3;               // matching sections (answers) linked under a result
  var FILTERS = ["authority", "exemption", "outcome", "ncnd", "regime", "year"];
  var LABELS = { authority: "Authority", exemption: "Exemption", outcome: "Outcome",
                 ncnd: "Neither confirm nor deny", regime: "Law", year: "Year" };
  var COMMON = {};
  ("a an and any are as at be been but by can do for from had has have how i if in into is it its may of on or " +
   "our so such than that the their them there these they this those to was we were what when which who will " +
   "with would you your").split(" ").forEach(function (w) {
    COMMON[w] = true;
  });
  var parser = new DOMParser();
  var engine = null;

  function pagefind() {
    if (!engine) {
      engine = import(bundle.href + "pagefind.js").then(function (module) {
        return module.options({ baseUrl: root.pathname, noWorker: true }).then(function () { return module; });
      });
      engine.catch(function () { engine = null; });
    }
    return engine;
  }

  // The words Pagefind is asked for: a quoted phrase as it is, otherwise without the commonest words.
  function shape(term) {
    if (/^\s*".+"\s*$/.test(term)) return term;
    var words = term.split(/\s+/).filter(function (w) { return !COMMON[w.toLowerCase()]; });
    return words.length ? words.join(" ") : term;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Pagefind's text as an inert document: only <mark> survives, as an element we make; the rest is text.
  function appendMarked(parent, html) {
    parser.parseFromString("<body>" + (html || ""), "text/html").body.childNodes.forEach(function (node) {
      parent.appendChild(node.nodeName === "MARK" ? el("mark", "", node.textContent)
                                                  : document.createTextNode(node.textContent));
    });
    return parent;
  }

  function plain(html) {
    return parser.parseFromString("<body>" + (html || ""), "text/html").body.textContent;
  }

  function longDate(iso) {
    var date = new Date(iso + "T00:00:00Z");
    if (isNaN(date)) return iso;
    return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  }

  function count(n, word) {
    return n.toLocaleString("en-GB") + " " + word + (n === 1 ? "" : "s");
  }

  function renderResult(page) {
    var item = el("li", "foi-result");
    var heading = el("h2", "foi-result__title");
    var link = el("a", "", plain(page.meta && page.meta.title) || page.url);
    link.href = page.url;
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = [];
    if (page.meta && page.meta.date) facts.push(longDate(plain(page.meta.date)));
    ((page.filters && page.filters.outcome) || []).forEach(function (o) { facts.push(plain(o)); });
    if (facts.length) item.appendChild(el("p", "foi-result__facts", facts.join(" · ")));
    // The sections (answers) with most matches, in page order, each with its own excerpt; else the page's.
    var parts = (page.sub_results || []).map(function (part, i) { return { part: part, i: i }; })
      .filter(function (p) { return p.part.anchor && p.part.anchor.id && p.part.url !== page.url; })
      .sort(function (a, b) { return (b.part.locations || []).length - (a.part.locations || []).length || a.i - b.i; })
      .slice(0, PARTS).sort(function (a, b) { return a.i - b.i; });
    if (!parts.length) {
      item.appendChild(appendMarked(el("p", "foi-result__excerpt"), page.excerpt));
      return item;
    }
    var list = el("ul", "foi-result__parts");
    parts.forEach(function (p) {
      var li = el("li");
      var a = el("a", "foi-result__part", plain(p.part.title));
      a.href = p.part.url;
      li.appendChild(a);
      li.appendChild(appendMarked(el("span", "foi-result__excerpt"), p.part.excerpt));
      list.appendChild(li);
    });
    item.appendChild(list);
    return item;
  }

  function fromURL() {
    var params = new URLSearchParams(location.search), chosen = {};
    FILTERS.forEach(function (name) {
      var values = params.getAll(name).filter(Boolean);
      if (values.length) chosen[name] = values;
    });
    return { term: params.get("q") || "", chosen: chosen };
  }

  function keepInURL(term, chosen) {
    var url = new URL(location.href);
    url.searchParams.delete("q");
    FILTERS.forEach(function (name) { url.searchParams.delete(name); });
    if (term) url.searchParams.set("q", term);
    Object.keys(chosen).forEach(function (name) {
      chosen[name].forEach(function (value) { url.searchParams.append(name, value); });
    });
    if (url.href !== location.href) history.replaceState(history.state, "", url.href);
  }

  function start(element) {
    var form = element.querySelector("form");
    var input = form.elements.q;
    var panel = element.querySelector(".foi-search-filters");
    var summary = panel.querySelector("summary");
    var groups = element.querySelector("[data-foi-filters]");
    var status = element.querySelector("[data-foi-status]");
    var list = element.querySelector("[data-foi-results]");
    var more = element.querySelector("[data-foi-more]");
    var initial = fromURL();
    var chosen = initial.chosen;
    var current = null, run = 0, timer = null, filtersLoaded = false;

    element.setAttribute("data-started", "");
    element.hidden = false;
    input.value = initial.term;
    showChosen();

    function showChosen() {
      var n = Object.keys(chosen).reduce(function (sum, name) { return sum + chosen[name].length; }, 0);
      summary.textContent = n ? "Filter results (" + n + " chosen)" : "Filter results";
    }

    function fail(error) {
      status.textContent = "Search is not available: " + (error && error.message ? error.message : error) +
        ". The site must be built with `python -m foi build`, which indexes it.";
    }

    function filterQuery() {
      var out = {};
      Object.keys(chosen).forEach(function (name) { out[name] = { any: chosen[name] }; });
      return out;
    }

    function search() {
      clearTimeout(timer);
      var term = input.value.trim();
      var id = ++run;
      keepInURL(term, chosen);
      if (!term && !Object.keys(chosen).length) {
        current = null;
        list.textContent = "";
        more.hidden = true;
        status.textContent = "";
        return Promise.resolve();
      }
      status.textContent = "Searching…";
      return pagefind().then(function (pf) {
        return pf.search(term ? shape(term) : null, { filters: filterQuery() });
      }).then(function (response) {
        if (id !== run || !response) return;
        current = { results: response.results, shown: 0 };
        list.textContent = "";
        if (filtersLoaded) showCounts(response.filters);
        return showMore(false).then(function () {
          if (id !== run) return;
          var n = response.results.length;
          var words = term ? " for “" + term + "”" : "";
          var narrowed = Object.keys(chosen).length ? ", filtered" : "";
          status.textContent = (n ? count(n, "response") : "No responses") + words + narrowed;
        });
      }).catch(fail);
    }

    function showMore(moveFocus) {
      var state = current;
      var batch = state.results.slice(state.shown, state.shown + PAGE_SIZE);
      state.shown += batch.length;
      more.hidden = true;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        if (state !== current) return;
        var items = pages.map(renderResult);
        items.forEach(function (item) { list.appendChild(item); });
        more.hidden = state.shown >= state.results.length;
        if (moveFocus && items.length) items[0].querySelector("a").focus();
      });
    }

    function showCounts(counts) {
      groups.querySelectorAll("input[type=checkbox]").forEach(function (box) {
        var n = (counts[box.name] || {})[box.value] || 0;
        box.parentNode.querySelector(".foi-filter__count").textContent = "(" + n + ")";
        box.parentNode.classList.toggle("foi-filter--empty", n === 0 && !box.checked);
      });
    }

    function renderGroup(name, values) {
      var group = el("details", "foi-search-filters__group");
      group.appendChild(el("summary", "", LABELS[name] || name));
      var box = el("div", "foi-search-filters__values");
      box.setAttribute("role", "group");
      box.setAttribute("aria-label", LABELS[name] || name);
      var keys = Object.keys(values).sort(function (a, b) {
        return name === "year" ? b.localeCompare(a) : a.localeCompare(b, "en", { numeric: true });
      });
      keys.forEach(function (value) {
        var label = el("label", "foi-filter");
        var check = el("input");
        check.type = "checkbox";
        check.name = name;
        check.value = value;
        check.checked = (chosen[name] || []).indexOf(value) >= 0;
        label.appendChild(check);
        label.appendChild(el("span", "foi-filter__value", value));
        label.appendChild(document.createTextNode(" "));
        label.appendChild(el("span", "foi-filter__count", "(" + values[value] + ")"));
        box.appendChild(label);
      });
      if (chosen[name]) group.open = true;
      group.appendChild(box);
      return group;
    }

    function loadFilters() {
      filtersLoaded = true;
      groups.textContent = "Loading filters…";
      pagefind().then(function (pf) { return pf.filters(); }).then(function (all) {
        groups.textContent = "";
        FILTERS.concat(Object.keys(all).filter(function (k) { return FILTERS.indexOf(k) < 0; }))
          .forEach(function (name) { if (all[name]) groups.appendChild(renderGroup(name, all[name])); });
        if (current) search();       // the counts for this query, now that Pagefind has every filter
      }).catch(function (error) {
        filtersLoaded = false;
        groups.textContent = "";
        fail(error);
      });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(search, 300);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      search();
    });
    more.addEventListener("click", function () { showMore(true); });
    panel.addEventListener("toggle", function () {
      if (panel.open && !filtersLoaded) loadFilters();
    });
    groups.addEventListener("change", function (event) {
      var box = event.target;
      var values = (chosen[box.name] || []).filter(function (v) { return v !== box.value; });
      if (box.checked) values.push(box.value);
      if (values.length) chosen[box.name] = values; else delete chosen[box.name];
      showChosen();
      search();
    });

    if (initial.term) input.focus();   // the reader came from the header's search form or a link
    if (initial.term || Object.keys(chosen).length) search();
  }

  function onPage() {
    // The header is kept across instant navigation: make its form's target absolute once.
    document.querySelectorAll("[data-foi-search-form]").forEach(function (form) {
      form.action = new URL("search/", root).href;
    });
    var element = document.getElementById("foi-search");
    if (element && !element.hasAttribute("data-started")) start(element);
  }

  if (window.document$) window.document$.subscribe(onPage); else onPage();
})();
