// Catalan for the interface text that the extensions and the theme leave in English. Loaded
// only by the Catalan edition (book/conf.py).

// sphinx-copybutton chooses its messages from <html lang> but ships none in Catalan. Its
// script (loaded just before this one) keeps them in the top-level bindings `messages`,
// `locale`, `iconCopy` and `iconCheck`, which classic scripts share; the copy buttons are
// only created when the page has loaded, so setting them here is in time.
if (typeof messages !== "undefined") {
  messages.ca = {
    copy: "Copia",
    copy_to_clipboard: "Copia al porta-retalls",
    copy_success: "Copiat!",
    copy_failure: "No s'ha pogut copiar",
  };
  iconCopy = iconCopy.replace(messages[locale].copy_to_clipboard, messages.ca.copy_to_clipboard);
  iconCheck = iconCheck.replace(messages[locale].copy_success, messages.ca.copy_success);
  locale = "ca";
}

// Sphinx's translations.js turns Catalan's plural rule "(n != 1)" into a function that returns a
// boolean, and Documentation.ngettext indexes the [singular, plural] pair with it: undefined,
// so the search page threw before it could show its count of results. An index it is.
if (typeof Documentation !== "undefined") {
  const pluralRule = Documentation.PLURAL_EXPR;
  Documentation.PLURAL_EXPR = (n) => Number(pluralRule(n));
}
