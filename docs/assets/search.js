/* Site search with Pagefind UI, from the bundle `python -m foi build` writes into site/pagefind/.
 *
 * The header's search form goes to the search page, where Pagefind UI is started; with Material's instant
 * navigation pages change without a reload, so this runs on every page view (document$). Pagefind's files
 * load only on the search page, and its index only when the reader searches. The query is kept in the URL
 * (search/?q=...), so a search can be shared and the back button returns to it.
 */
(function () {
  "use strict";
  var root = new URL("..", document.currentScript.src);   // this file is assets/search.js under the site root
  var bundle = new URL("pagefind/", root);
  var labels = { ncnd: "Neither confirm nor deny", regime: "Law" };
  var loading = null;

  function loadPagefindUI() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = bundle.href + "pagefind-ui.css";
        document.head.appendChild(style);
        var script = document.createElement("script");
        script.src = bundle.href + "pagefind-ui.js";
        script.onload = resolve;
        script.onerror = function () { loading = null; reject(new Error("could not load " + script.src)); };
        document.head.appendChild(script);
      });
    }
    return loading;
  }

  function relabelFilters(element) {
    new MutationObserver(function () {
      element.querySelectorAll(".pagefind-ui__filter-name").forEach(function (name) {
        var label = labels[name.textContent.trim().toLowerCase()];
        if (label) name.textContent = label;
      });
    }).observe(element, { childList: true, subtree: true });
  }

  function keepQueryInURL(term) {
    var url = new URL(location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    history.replaceState(history.state, "", url.href);
    return term;
  }

  function startSearchPage(element) {
    var query = new URLSearchParams(location.search).get("q");
    element.setAttribute("data-started", "");
    relabelFilters(element);
    loadPagefindUI().then(function () {
      var ui = new PagefindUI({
        element: element,
        bundlePath: bundle.href,
        baseUrl: root.pathname,
        showSubResults: true,
        showImages: false,
        autofocus: query !== null,          // the reader came from the header's search form
        processTerm: keepQueryInURL,
      });
      if (query) ui.triggerSearch(query);
    }, function (error) {
      element.textContent = "Search is not available: " + error.message +
        ". The site must be built with `python -m foi build`, which indexes it.";
    });
  }

  function onPage() {
    // The header is kept across instant navigation: make its form's target absolute once.
    document.querySelectorAll("[data-foi-search-form]").forEach(function (form) {
      form.action = new URL("search/", root).href;
    });
    var element = document.getElementById("foi-search");
    if (element && !element.hasAttribute("data-started")) startSearchPage(element);
  }

  if (window.document$) window.document$.subscribe(onPage); else onPage();
})();
