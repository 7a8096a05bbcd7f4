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
