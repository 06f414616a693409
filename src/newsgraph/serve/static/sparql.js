// The query page's editor: YASGUI, when its script loaded. Without JavaScript (or without
// YASGUI) the plain form beside it works the same, answered by the server as a web page.
(function () {
  "use strict";
  var box = document.getElementById("yasgui");
  var form = document.getElementById("plain-query");
  if (!box || !form || typeof window.Yasgui !== "function") {
    return;
  }
  var initial = document.getElementById("query").value;
  var endpoint = new URL(box.getAttribute("data-endpoint") || "/sparql", window.location.href).href;
  box.hidden = false;
  form.hidden = true;
  var yasgui = new window.Yasgui(box, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    persistenceId: null,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    yasqe: { autocompleters: ["prefixes", "variables"], prefixCcApi: null, persistenceId: null },
    yasr: { persistenceId: null }
  });
  var tab = yasgui.getTab();
  tab.setEndpoint(endpoint);
  tab.setQuery(initial);
  var examples = {};
  var template = document.getElementById("examples-data");
  var pres = template && template.content ? template.content.querySelectorAll("pre[data-name]")
    : document.querySelectorAll(".examples details pre[data-name]");  // a static site's page
  pres.forEach(function (pre) {
    examples[pre.getAttribute("data-name")] = pre.textContent;
  });
  document.querySelectorAll("a.example").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var text = examples[link.getAttribute("data-name")];
      if (text === undefined) {
        return;
      }
      event.preventDefault();
      var current = yasgui.getTab();
      current.setQuery(text);
      current.query();
    });
  });
  window.newsgraphYasgui = yasgui;
})();
