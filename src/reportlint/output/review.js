/* The review page of reportlint (-f html): sort the summary, follow links to findings, print one report. */
(function () {
  "use strict";

  function sortBy(th) {
    var table = th.closest("table"), body = table.tBodies[0], index = th.cellIndex;
    var descending = th.getAttribute("aria-sort") !== "descending";
    table.querySelectorAll("th[aria-sort]").forEach(function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var numeric = th.dataset.sort === "num";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[index].dataset.v || "", y = b.cells[index].dataset.v || "";
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
      return (descending ? -order : order) || Number(a.dataset.rank) - Number(b.dataset.rank);
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }
  document.querySelectorAll("table.sortable th[data-sort]").forEach(function (th) {
    th.addEventListener("click", function () { sortBy(th); });
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortBy(th); }
    });
  });

  /* The finding a link leads to: its marks outlined, the folds around it opened. */
  function markCurrent() {
    document.querySelectorAll("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    document.querySelectorAll("mark[data-f]").forEach(function (mark) {
      if (mark.dataset.f.split(" ").indexOf(id) >= 0) { mark.classList.add("current"); }
    });
    var target = document.getElementById(id), opened = false;
    for (var fold = target && target.closest("details"); fold; fold = fold.parentElement.closest("details")) {
      if (!fold.open) { fold.open = true; opened = true; }
    }
    if (opened) { target.scrollIntoView({block: "center"}); }
  }
  window.addEventListener("hashchange", markCurrent);
  markCurrent();

  document.querySelectorAll("button.print-one").forEach(function (button) {
    button.addEventListener("click", function () {
      document.body.classList.add("print-one");
      button.closest("section.report").classList.add("printing");
      window.print();
    });
  });
  window.addEventListener("afterprint", function () {
    document.body.classList.remove("print-one");
    document.querySelectorAll("section.printing").forEach(function (section) { section.classList.remove("printing"); });
  });
})();
