// Both editions. The "English | Català" switcher keeps the reader where they are: its links
// carry the page's #section (section ids come from the English source, so they are the same in
// both editions), and the chosen edition is remembered for the site's root page (root-index.html).
const MINIGRAD_LANG_KEY = "minigrad-book-language";

function keepSectionInLanguageLinks() {
  for (const link of document.querySelectorAll("a.minigrad-lang-link")) link.hash = location.hash;
}

document.addEventListener("DOMContentLoaded", () => {
  keepSectionInLanguageLinks();
  for (const link of document.querySelectorAll("a.minigrad-lang-link")) {
    link.addEventListener("click", () => {
      try {
        localStorage.setItem(MINIGRAD_LANG_KEY, link.hreflang);
      } catch (error) {
        // Storage refused (a private window, file:// in some browsers): the link still works.
      }
    });
  }
});
window.addEventListener("hashchange", keepSectionInLanguageLinks);

// A display formula wider than the column is scaled down to fit it: MathJax 3 cannot break lines,
// and its HTML output is measured in em, so a smaller font size shrinks all of the formula.
function fitFormulasToColumn() {
  for (const formula of document.querySelectorAll("mjx-container[jax='CHTML'][display='true']")) {
    const math = formula.firstElementChild;
    math.style.fontSize = "";
    const width = math.getBoundingClientRect().width;
    if (width > formula.clientWidth) {
      math.style.fontSize = `${Math.floor((100 * formula.clientWidth) / width)}%`;
    }
  }
}

// MathJax (deferred, like the end of the page) has started by the time the document has loaded.
document.addEventListener("DOMContentLoaded", () => {
  window.MathJax?.startup?.promise?.then(fitFormulasToColumn);
});
window.addEventListener("resize", fitFormulasToColumn);
window.addEventListener("beforeprint", fitFormulasToColumn);
