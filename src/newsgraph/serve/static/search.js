// Search on a static copy of the site (`newsgraph site`): the rows the server's search looks
// through (names, headlines, words of quotes and claims) are in /search.json; they are matched
// here the way the server matches them (letter case ignored, the first 100 things found).
(function () {
  "use strict";
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var input = document.getElementById("q2");
  if (!status || !list) {
    return;
  }
  var q = (new URLSearchParams(window.location.search).get("q") || "").trim().slice(0, 200);
  if (input) {
    input.value = q;
  }
  if (q.length === 0) {
    return;
  }
  if (q.length < 2) {
    status.textContent = "Give at least two characters.";
    return;
  }
  status.textContent = "Searching…";
  fetch(status.getAttribute("data-index") || "/search.json")
    .then(function (response) {
      if (!response.ok) {
        throw new Error(response.status);
      }
      return response.json();
    })
    .then(function (rows) {
      var needle = q.toLowerCase();
      var seen = {};
      var found = [];
      for (var i = 0; i < rows.length && found.length < 100; i++) {
        var row = rows[i];
        if (!seen[row.href] && row.text.toLowerCase().indexOf(needle) >= 0) {
          seen[row.href] = true;
          found.push(row);
        }
      }
      status.textContent = found.length + " result" + (found.length !== 1 ? "s" : "") + " for “" + q + "”.";
      found.forEach(function (row) {
        var li = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "kind";
        kind.textContent = row.how;
        var a = document.createElement("a");
        a.href = row.href;
        a.textContent = row.label;
        li.append(kind, " ", a);
        if (row.text !== row.label) {
          var snippet = document.createElement("span");
          snippet.className = "snippet";
          snippet.textContent = row.text.length > 200 ? row.text.slice(0, 197) + "..." : row.text;
          li.append(" — ", snippet);
        }
        list.appendChild(li);
      });
    })
    .catch(function () {
      status.textContent = "The search index could not be read.";
    });
})();
